import fc from "fast-check";

/**
 * Property tests run with a random seed by default, so each run explores new input. CI pins them:
 * FUZZ_SEED makes a run reproducible, FUZZ_RUNS bounds the runs per property. A failure report
 * names the seed and path; rerun with that seed to reproduce it.
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
if ((seed !== undefined && Number.isFinite(seed)) || (numRuns !== undefined && numRuns > 0)) {
  fc.configureGlobal({
    ...(seed !== undefined && Number.isFinite(seed) ? { seed } : {}),
    ...(numRuns !== undefined && numRuns > 0 ? { numRuns } : {}),
  });
}
