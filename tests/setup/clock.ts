/**
 * The calendar-edge passes of `npm test` run the integration suite at a moment given in TEST_CLOCK
 * (an ISO time, "2030-12-31T23:30:00Z"): Date starts there and runs on with the real clock, in the
 * test code, the code under test and the embedded database (PGlite reads the time through Date).
 * Timers stay real. A PostgreSQL server keeps its own clock, so code mixing the database's clock
 * with the application's shows up there.
 *
 * The shifted clock keeps the real one's resolution: a clock that advances in steps (fake timers)
 * gives two statements the same `now()`, and pg-boss never fetches a job whose start is not
 * strictly before it. Dates made by it are plain Dates (`instanceof Date` holds either way).
 */
const at = process.env.TEST_CLOCK;
if (at) {
  const target = Date.parse(at);
  if (Number.isNaN(target)) throw new Error(`TEST_CLOCK: "${at}" is not a time such as 2030-12-31T23:30:00Z`);
  const RealDate = Date;
  const offset = target - RealDate.now();
  const now = () => RealDate.now() + offset;
  const ShiftedDate = function (this: unknown, ...args: unknown[]) {
    // Called without `new`, Date gives the current time as a string.
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  Object.defineProperties(ShiftedDate, {
    prototype: { value: RealDate.prototype },
    now: { value: now },
    parse: { value: RealDate.parse },
    UTC: { value: RealDate.UTC },
  });
  globalThis.Date = ShiftedDate;
}
