// The Node.js flags the app server runs with: `npm start`, the end-to-end suite's server and
// `npm run bench:http` use the same, so tests and figures describe what production runs.

/**
 * V8 lets an idle heap grow to gigabytes before it collects in earnest (its limit follows the
 * machine's memory): after a minute of load the server held 600 MB although a full collection left
 * about 100 MB alive. A cap on the old generation makes it collect sooner and keeps the server's
 * memory within a budget that several app servers on one host can share. Requests stay bounded
 * (CSV uploads: 50 MB, parsed no further than their row limit), so 256 MB leaves room for the
 * largest of them. A `--max-old-space-size` in NODE_OPTIONS wins.
 */
export const SERVER_HEAP_MB = 256;

/**
 * The young generation, where each request's short-lived objects start: 8 MB per semi-space
 * instead of V8's 16. Under 50 signed-in users (bench:http) the server answered as many requests per
 * second either way and stayed about 20 MB smaller. A `--max-semi-space-size` in NODE_OPTIONS wins.
 */
export const SERVER_SEMI_SPACE_MB = 8;

/** Flags for `node` before the script, e.g. `spawn(process.execPath, [...serverNodeFlags(), next, "start"])`. */
export function serverNodeFlags(env = process.env) {
  const options = env.NODE_OPTIONS ?? "";
  return [
    ...(/--max-old-space-size/.test(options) ? [] : [`--max-old-space-size=${SERVER_HEAP_MB}`]),
    ...(/--max-semi-space-size/.test(options) ? [] : [`--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`]),
  ];
}
