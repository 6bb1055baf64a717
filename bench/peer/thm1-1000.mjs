// claimcheck's side of the peer measurement "Shamir 2018 Thm 1 at 1000 cases against Hypothesis +
// numpy" (the other side is shamir_thm1_hypothesis.py beside this file).
//
// A claim file for the unchanged CLI: the built-in claim shamir2018/thm1/gradient-lower-bound
// (same id, hence the same fast-check seed for a given --seed, same generator, check, tolerance,
// cover and targeting), with its number of cases raised to 1000 in every profile. No profile
// gives 1000 (the claim declares quick 200, ci 600, thorough 5000) and verify has no --runs flag.
// Run it from the repository root after `npm run build` (it imports the compiled paper):
//
//   node bin/claimcheck.js verify --file bench/peer/thm1-1000.mjs --profile thorough --no-mutants \
//     --seed 1 --workers 1 --reports /tmp/thm1-1000
//
// --profile thorough only for its per-claim time budget (20 min; quick allows 60 s, which a loaded
// machine can exceed, ending the run Inconclusive): for a claim that holds, the profiles differ in
// nothing else this run uses. Of the 1000 cases, 700 are random and 300 targeted (the profile's
// targetShare), as in every run of this claim. The CLI prints the verdict (cases, skipped, best
// (F - F_lin)/bound) and the claim's time; wrap it in `/usr/bin/time -f '%e s wall, %U + %S s CPU'`
// for the whole process.
import { defineClaim } from 'claimcheck';

const paper = await import(new URL('../../dist/papers/shamir2018/index.js', import.meta.url).href).catch((e) => {
  throw new Error(`bench/peer/thm1-1000.mjs needs the compiled papers: run \`npm run build\` first (${e.message})`);
});

// defineClaim adds `type` itself.
const { type: _type, ...spec } = paper.thm1;

export const thm1At1000 = defineClaim({ ...spec, runs: { quick: 1000, ci: 1000, thorough: 1000 } });
