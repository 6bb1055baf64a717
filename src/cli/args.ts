import { parseArgs } from 'node:util';
import { UserError } from '../claims/errors.js';
import { parseShard, type Shard } from '../claims/shard.js';

export const COMMANDS = ['init', 'list', 'verify', 'replay', 'report', 'ci', 'baseline', 'coverage', 'false-alarms', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export const BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface VerifyArgs {
  readonly command: 'verify';
  readonly paper?: string;
  readonly claim?: string;
  readonly profile: string;
  readonly seed?: number;
  readonly backend: BackendChoice;
  readonly json: boolean;
  readonly file?: string;
  readonly fixtures?: string;
  readonly pinned: boolean;
  readonly budgetSeconds?: number;
  readonly reports?: string;
  /** Worker threads; 1 runs in-process. */
  readonly workers?: number;
  /** Run only the i-th of n contiguous slices of the selection (see src/claims/shard.ts). */
  readonly shard?: Shard;
  /** Run the selected claims without their mutants. */
  readonly noMutants?: boolean;
  /** Derive and run bound mutants (default: the profile's setting, on at ci and thorough). */
  readonly boundMutants?: boolean;
}

/** Selection and run options shared by `ci` and `baseline` (both run the ci profile, CI seed). */
export interface GateArgs {
  readonly paper?: string;
  readonly claim?: string;
  readonly file?: string;
  readonly backend: BackendChoice;
  readonly workers?: number;
  readonly reports?: string;
  /** Root of the committed baselines: <baselines>/<backend>/<paper>.json. */
  readonly baselines: string;
  /** Counterexample store, as for verify (default fixtures/counterexamples). */
  readonly fixtures?: string;
}

export interface CiArgs extends GateArgs {
  readonly command: 'ci';
  /** JUnit XML output (default <reports>/junit.xml). */
  readonly junit?: string;
  readonly shard?: Shard;
}

export interface BaselineArgs extends GateArgs {
  readonly command: 'baseline';
  /** Rewrite the baseline files; without it the diff is only printed (exit 1 if any). */
  readonly update: boolean;
}

export interface CoverageArgs {
  readonly command: 'coverage';
  readonly paper?: string;
  readonly claim?: string;
  readonly file?: string;
  readonly profile: string;
  readonly seed?: number;
  readonly backend: BackendChoice;
  /** Output folder: <out>/<claim id>/index.html and <out>/index.json. */
  readonly out: string;
  /** Claims measured at once (each in its own process). */
  readonly workers?: number;
}

export interface InitArgs {
  readonly command: 'init';
  /** Folder to write claims.ts (and tsconfig.json) into. */
  readonly dir: string;
}

export interface ListArgs {
  readonly command: 'list';
  readonly paper?: string;
  readonly file?: string;
  readonly json: boolean;
}

export interface ReplayArgs {
  readonly command: 'replay';
  readonly fixture: string;
  readonly file?: string;
  readonly backend: BackendChoice;
  readonly json: boolean;
  /** Rewrite a fixture that fails again with drifted numbers (a deliberate numeric change). */
  readonly update: boolean;
}

export interface ReportArgs {
  readonly command: 'report';
  /** reports/summary.json written by verify. */
  readonly summary: string;
  /** Output folder for index.html, per-paper and per-claim pages, and Markdown. */
  readonly out: string;
  /** `--merge DIR...`: shard summaries (folders or files) merged into <out>/summary.json first. */
  readonly merge?: readonly string[];
}

/** `claimcheck false-alarms`: expected outcomes over N consecutive run seeds (issue "No false alarms"). */
export interface FalseAlarmsArgs {
  readonly command: 'false-alarms';
  readonly seeds: number;
  /** First run seed (default 1): seeds from, from + 1, ..., from + seeds - 1. */
  readonly from: number;
  /** Further run seeds to try after the consecutive ones (seeds known to have failed before, say). */
  readonly also: readonly number[];
  readonly paper?: string;
  readonly claim?: string;
  readonly file?: string;
  readonly profile: string;
  readonly backend: BackendChoice;
  readonly workers?: number;
  /** Claims only: the mutants (a separate measurement) are left out. */
  readonly noMutants: boolean;
  /** Mutants only (with their claims' selection): the claims are left out. */
  readonly onlyMutants: boolean;
  readonly json: boolean;
}

export type Args =
  | InitArgs
  | VerifyArgs
  | ListArgs
  | ReplayArgs
  | ReportArgs
  | CiArgs
  | BaselineArgs
  | CoverageArgs
  | FalseAlarmsArgs
  | { readonly command: 'help' };

const OPTIONS = {
  verify: {
    paper: { type: 'string' },
    claim: { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
    file: { type: 'string' },
    fixtures: { type: 'string' },
    'no-pinned': { type: 'boolean' },
    budget: { type: 'string' },
    reports: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    'no-mutants': { type: 'boolean' },
    'bound-mutants': { type: 'boolean' },
  },
  ci: {
    paper: { type: 'string' },
    claim: { type: 'string' },
    file: { type: 'string' },
    backend: { type: 'string' },
    workers: { type: 'string' },
    reports: { type: 'string' },
    baselines: { type: 'string' },
    junit: { type: 'string' },
    shard: { type: 'string' },
    fixtures: { type: 'string' },
  },
  baseline: {
    paper: { type: 'string' },
    claim: { type: 'string' },
    file: { type: 'string' },
    backend: { type: 'string' },
    workers: { type: 'string' },
    reports: { type: 'string' },
    baselines: { type: 'string' },
    update: { type: 'boolean' },
    fixtures: { type: 'string' },
  },
  coverage: {
    paper: { type: 'string' },
    claim: { type: 'string' },
    file: { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string' },
  },
  init: {},
  'false-alarms': {
    seeds: { type: 'string' },
    from: { type: 'string' },
    also: { type: 'string' },
    paper: { type: 'string' },
    claim: { type: 'string' },
    file: { type: 'string' },
    profile: { type: 'string' },
    backend: { type: 'string' },
    workers: { type: 'string' },
    'no-mutants': { type: 'boolean' },
    'only-mutants': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  list: { paper: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } },
  replay: { file: { type: 'string' }, backend: { type: 'string' }, json: { type: 'boolean' }, update: { type: 'boolean' } },
  report: { summary: { type: 'string' }, out: { type: 'string' }, merge: { type: 'boolean' } },
} as const;

function parseSeed(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^-?\d+$/.test(s.trim()) || !Number.isSafeInteger(Number(s))) {
    throw new UserError(`--seed must be an integer, got "${s}"`, 'for example --seed 42; every run prints the seed it used');
  }
  return Number(s);
}

function parseSeedList(s: string | undefined): number[] {
  if (s === undefined) return [];
  const parts = s.split(',').map((x) => x.trim());
  if (!parts.every((x) => /^-?\d+$/.test(x) && Number.isSafeInteger(Number(x)))) {
    throw new UserError(`--also must be a comma-separated list of integer run seeds, got "${s}"`, 'for example --also 3,4,949758917');
  }
  return parts.map(Number);
}

function parseBackend(s: string | undefined): BackendChoice {
  if (s === undefined) return 'auto';
  if (!(BACKEND_CHOICES as readonly string[]).includes(s)) {
    throw new UserError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${s}"`);
  }
  return s as BackendChoice;
}

function parseBudget(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v) || v <= 0) throw new UserError(`--budget must be a positive number of seconds, got "${s}"`);
  return v;
}

function parseWorkers(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 64) {
    throw new UserError(`--workers must be a whole number from 1 to 64, got "${s}"`, 'use 1 to run claims in-process, one after another');
  }
  return Number(s);
}

/** Parses argv (without node and script) into a typed command, or throws a UserError. */
export function parseCli(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UserError(`unknown command "${command}"`, `commands: ${COMMANDS.join(', ')}; see \`claimcheck help\``);
  }
  const cmd = command as Exclude<Command, 'help'>;
  // node's parseArgs reads "--seed -5" as two options; a negative number after an option that
  // takes a value is that option's value, so join them as "--seed=-5".
  const valued = new Set(
    Object.entries(OPTIONS[cmd])
      .filter(([, o]) => o.type === 'string')
      .map(([k]) => `--${k}`),
  );
  const joined: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (valued.has(rest[i]) && /^-\d/.test(rest[i + 1] ?? '')) joined.push(`${rest[i]}=${rest[++i]}`);
    else joined.push(rest[i]);
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: joined,
      options: OPTIONS[cmd],
      allowPositionals: cmd === 'replay' || cmd === 'report' || cmd === 'init',
      strict: true,
    }) as typeof parsed;
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new UserError(`${cmd}: ${msg}`, `see \`claimcheck help\` for the options of ${cmd}`);
  }
  const v = parsed.values;
  const str = (k: string): string | undefined => {
    const x = v[k];
    if (typeof x === 'string' && x.trim() === '') throw new UserError(`--${k} needs a value`);
    return x as string | undefined;
  };
  switch (cmd) {
    case 'init':
      if (parsed.positionals.length > 1) {
        throw new UserError(`init takes one folder, got ${parsed.positionals.length} arguments`, 'e.g. claimcheck init my-claims');
      }
      return { command: 'init', dir: parsed.positionals[0] ?? '.' };
    case 'report': {
      const merge = v.merge === true;
      if (!merge && parsed.positionals.length > 0) {
        throw new UserError(
          `report: unexpected argument "${parsed.positionals[0]}"`,
          'to merge shard summaries use claimcheck report --merge DIR...',
        );
      }
      if (merge && parsed.positionals.length === 0) {
        throw new UserError(
          'report --merge needs the shard folders (or summary files) to merge',
          'e.g. claimcheck report --merge reports/shards/*',
        );
      }
      if (merge && v.summary !== undefined) {
        throw new UserError(
          'report: --summary and --merge exclude each other',
          '--merge writes the merged summary to <out>/summary.json and renders it',
        );
      }
      return {
        command: 'report',
        summary: str('summary') ?? 'reports/summary.json',
        out: str('out') ?? 'reports',
        merge: merge ? parsed.positionals : undefined,
      };
    }
    case 'ci':
    case 'baseline': {
      const gate: GateArgs = {
        paper: str('paper'),
        claim: str('claim'),
        file: str('file'),
        backend: parseBackend(str('backend')),
        workers: parseWorkers(str('workers')),
        reports: str('reports'),
        baselines: str('baselines') ?? 'fixtures/baselines',
        fixtures: str('fixtures'),
      };
      return cmd === 'ci'
        ? { command: 'ci', ...gate, junit: str('junit'), shard: parseShard(str('shard')) }
        : { command: 'baseline', ...gate, update: v.update === true };
    }
    case 'false-alarms': {
      const n = str('seeds');
      if (n === undefined || !/^\d+$/.test(n) || Number(n) < 1 || Number(n) > 10_000) {
        throw new UserError(
          `false-alarms: --seeds must be a whole number from 1 to 10000, got ${n === undefined ? 'nothing' : `"${n}"`}`,
          'e.g. --seeds 20',
        );
      }
      return {
        command: 'false-alarms',
        seeds: Number(n),
        from: parseSeed(str('from')) ?? 1,
        also: parseSeedList(str('also')),
        paper: str('paper'),
        claim: str('claim'),
        file: str('file'),
        profile: str('profile') ?? 'quick',
        backend: parseBackend(str('backend')),
        workers: parseWorkers(str('workers')),
        noMutants: v['no-mutants'] === true,
        onlyMutants: v['only-mutants'] === true,
        json: v.json === true,
      };
    }
    case 'coverage':
      return {
        command: 'coverage',
        paper: str('paper'),
        claim: str('claim'),
        file: str('file'),
        profile: str('profile') ?? 'quick',
        seed: parseSeed(str('seed')),
        backend: parseBackend(str('backend')),
        out: str('out') ?? 'reports/coverage',
        workers: parseWorkers(str('workers')),
      };
    case 'list':
      return { command: 'list', paper: str('paper'), file: str('file'), json: v.json === true };
    case 'replay': {
      if (parsed.positionals.length !== 1) {
        throw new UserError(
          'replay needs exactly one fixture file',
          'e.g. claimcheck replay fixtures/counterexamples/<claim id>/<hash>.json',
        );
      }
      return {
        command: 'replay',
        fixture: parsed.positionals[0],
        file: str('file'),
        backend: parseBackend(str('backend')),
        json: v.json === true,
        update: v.update === true,
      };
    }
    case 'verify':
      return {
        command: 'verify',
        paper: str('paper'),
        claim: str('claim'),
        profile: str('profile') ?? 'quick',
        seed: parseSeed(str('seed')),
        backend: parseBackend(str('backend')),
        json: v.json === true,
        file: str('file'),
        fixtures: str('fixtures'),
        pinned: v['no-pinned'] !== true,
        budgetSeconds: parseBudget(str('budget')),
        reports: str('reports'),
        workers: parseWorkers(str('workers')),
        shard: parseShard(str('shard')),
        noMutants: v['no-mutants'] === true,
        ...(v['bound-mutants'] === true ? { boundMutants: true } : {}),
      };
  }
}

export const HELP = `claimcheck: property-based verification of deep-learning theory claims

Usage:
  claimcheck init    [DIR]          write a starter claim file DIR/claims.ts and a tsconfig.json
  claimcheck list    [--paper KEY] [--file CLAIMS.ts] [--json]
  claimcheck verify  [--paper KEY] [--claim ID] [--profile quick|ci|thorough] [--seed N]
                     [--backend auto|tensorflow|wasm|cpu] [--file CLAIMS.ts] [--json]
                     [--fixtures DIR] [--reports DIR] [--no-pinned] [--budget SECONDS]
                     [--workers N] [--shard I/N] [--no-mutants] [--bound-mutants]
  claimcheck replay  FIXTURE.json [--file CLAIMS.ts] [--backend ...] [--json] [--update]
  claimcheck report  [--summary reports/summary.json] [--out reports]
  claimcheck report  --merge DIR... [--out reports]     merge shard summaries, then render
  claimcheck ci      [--paper KEY] [--claim ID] [--file CLAIMS.ts] [--baselines fixtures/baselines]
                     [--junit reports/junit.xml] [--workers N] [--backend ...] [--reports DIR]
                     [--shard I/N] [--fixtures DIR]
  claimcheck baseline [--update] [--paper KEY] [--claim ID] [--file CLAIMS.ts]
                     [--baselines fixtures/baselines] [--workers N] [--backend ...] [--reports DIR]
                     [--fixtures DIR]
  claimcheck coverage [--paper KEY] [--claim ID] [--file CLAIMS.ts] [--profile quick] [--seed N]
                     [--out reports/coverage] [--workers N]
  claimcheck false-alarms --seeds N [--from S] [--also S1,S2] [--paper KEY] [--claim ID] [--file CLAIMS.ts]
                     [--profile quick|ci|thorough] [--workers N] [--no-mutants | --only-mutants] [--json]

verify exits 0 only when every claim holds and every mutant is refuted; 1 otherwise;
2 for bad input. Every run prints its seed; pass it back with --seed to reproduce.
ci runs the ci profile with the CI seed (20181804), compares every result with
<baselines>/<backend>/<paper>.json and exits 1 when a verdict changes or a quantity drifts
beyond its tolerance; baseline --update rewrites those files deliberately.`;
