import { vi } from "vitest";

/**
 * The calendar-edge passes of `npm test` run the integration suite at a moment given in TEST_CLOCK
 * (an ISO time, "2030-12-31T23:30:00Z"): Date starts there and runs on, in the test code, the code
 * under test and the embedded database (PGlite reads the time through Date). Timers stay real. A
 * PostgreSQL server keeps its own clock, so code mixing the database's clock with the
 * application's shows up there.
 */
const at = process.env.TEST_CLOCK;
if (at) {
  const now = Date.parse(at);
  if (Number.isNaN(now)) throw new Error(`TEST_CLOCK: "${at}" is not a time such as 2030-12-31T23:30:00Z`);
  vi.useFakeTimers({ now, toFake: ["Date"], shouldAdvanceTime: true });
}
