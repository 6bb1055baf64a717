import { initBackend } from '../core/backend.js';
import { UserError } from '../claims/errors.js';
import { replayFixture } from '../claims/replay.js';
import { readFixtureFile, writeFileAtomic } from '../claims/store.js';
import type { ReplayArgs } from './args.js';
import { fmt } from './format.js';
import { loadCheckables } from './loadCheckables.js';

/** Exit 0 when the saved counterexample fails again with identical numbers; 1 otherwise. */
export async function replayCommand(args: ReplayArgs): Promise<number> {
  const fixture = readFixtureFile(args.fixture);
  // A mutant's id starts with its claim's, which starts with the paper key: one paper is loaded.
  const all = await loadCheckables(args.file, { claim: fixture.id });
  const c = all.find((x) => x.id === fixture.id);
  if (!c) {
    throw new UserError(
      `fixture "${args.fixture}" is for "${fixture.id}", which is not among the loaded claims`,
      args.file ? 'check that --file is the claim file that produced it' : 'if it came from your own claim file, pass it with --file',
    );
  }
  const backend = await initBackend(args.backend);
  const r = await replayFixture(c, fixture, { backend, deadline: Date.now() + 600_000 });
  if (args.json) {
    console.log(JSON.stringify({ id: c.id, fixture: args.fixture, backend, status: r.status, outcome: r.outcome }, null, 2));
    return r.status === 'reproduced' ? 0 : 1;
  }
  console.log(`replay ${c.id} (${c.type}) from ${args.fixture} | backend ${backend} (saved on ${fixture.backend})`);
  if (fixture.description) console.log(`  counterexample: ${fixture.description}`);
  if (r.outcome.kind === 'judged') {
    for (const cond of r.outcome.evidence.conditions) {
      const saved = fixture.evidence.conditions.find((s) => s.name === cond.name);
      const same =
        saved && saved.lhs === cond.lhs && saved.rhs === cond.rhs
          ? 'same as saved'
          : `saved: ${saved ? `${fmt(saved.lhs)} ${saved.op} ${fmt(saved.rhs)}` : 'absent'}`;
      console.log(`  ${cond.name}: ${fmt(cond.lhs)} ${cond.op} ${fmt(cond.rhs)}  (${same})`);
    }
  } else console.log(`  ${r.outcome.kind === 'threw' ? `the check threw: ${r.outcome.error}` : r.outcome.detail}`);
  const words = {
    reproduced: 'reproduced exactly: the case fails again with identical numbers',
    'reproduced-with-drift': 'fails again, but the numbers differ from the saved ones (different backend or a numeric change)',
    'not-reproduced': 'NOT reproduced: the case no longer fails',
  } as const;
  console.log(words[r.status]);
  if (args.update && r.status === 'reproduced-with-drift' && r.outcome.kind === 'judged' && r.outcome.judgement.outcome === 'violated') {
    // Same case, same violation; only the numbers moved. Rewritten deliberately, like baseline --update.
    const { evidence, judgement } = r.outcome;
    const updated = { ...fixture, backend, evidence, violated: judgement.violated, slack: judgement.slack };
    writeFileAtomic(args.fixture, JSON.stringify(updated, null, 2) + '\n');
    console.log(`updated ${args.fixture} with the new numbers`);
    return 0;
  }
  return r.status === 'reproduced' ? 0 : 1;
}
