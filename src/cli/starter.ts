/**
 * What `claimcheck init` writes: a claim file that imports only 'claimcheck' (fast-check comes
 * with it as `fc`), one claim and the mutant that must refute it, and a tsconfig under which
 * `tsc --noEmit` type-checks it in a CommonJS or an ES-module project. A test runs both.
 */
export const STARTER_CLAIMS = `/**
 * My claims: \`npx claimcheck verify --file claims.ts\`; type-check: \`npx tsc --noEmit\`.
 * A claim declares a statement, the cases to draw (fast-check arbitraries) and a check that
 * returns numbers; the runner judges them. A mutant is a deliberately false variant that the
 * run must refute, so a check that cannot fail does not go unnoticed.
 */
import { defineClaim, defineMutant, fc, FLOAT64_TOLERANCE, le, type PaperRef } from 'claimcheck';

export const paper: PaperRef = {
  key: 'my-paper',
  title: 'My notes on ReLU networks',
  authors: 'Me',
  venue: 'notes',
  confidence: 'high',
};

const relu = (x: number) => Math.max(0, x);

// Small integers keep a shrunk counterexample readable (fast-check shrinks them toward 0).
const pairs = fc.record({ a: fc.integer({ min: -100, max: 100 }), b: fc.integer({ min: -100, max: 100 }) });

export const reluLipschitz = defineClaim({
  id: 'my-paper/lemma1/relu-lipschitz', // <paperKey>/<theorem>/<slug>
  paper,
  theorem: 'Lemma 1',
  confidence: 'V',
  kind: 'exact',
  statement: 'ReLU is 1-Lipschitz: |relu(a) - relu(b)| <= |a - b| for all reals a, b.',
  hypotheses: pairs,
  check: ({ a, b }) => ({ conditions: [le('|relu(a) - relu(b)| <= |a - b|', Math.abs(relu(a) - relu(b)), Math.abs(a - b))] }),
  tolerance: { ...FLOAT64_TOLERANCE, reason: 'float64 differences of small integers are exact' },
});

export const doubledSlope = defineMutant({
  of: reluLipschitz,
  id: 'my-paper/lemma1/relu-lipschitz~doubled-slope',
  change: 'the unit 2 relu(x), which is 2-Lipschitz',
  status: 'safe',
  check: ({ a, b }) => ({
    conditions: [le('|2 relu(a) - 2 relu(b)| <= |a - b|', Math.abs(2 * relu(a) - 2 * relu(b)), Math.abs(a - b))],
  }),
});
`;

export const STARTER_TSCONFIG = `{
  // Type-checks the claim file: npx tsc --noEmit (claimcheck itself runs it without a build).
  "compilerOptions": {
    "target": "ES2022",
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true
  },
  "include": ["claims.ts"]
}
`;
