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

/** Flags for `node` before the script, e.g. `spawn(process.execPath, [...serverNodeFlags(), next, "start"])`. */
export function serverNodeFlags(env = process.env) {
  return /--max-old-space-size/.test(env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${SERVER_HEAP_MB}`];
}
