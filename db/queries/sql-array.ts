/**
 * A PostgreSQL array literal for a parameter that the statement casts (`$1::integer[]`,
 * `$1::text[]`, `$1::date[]` …): every element quoted with backslash and double quote escaped,
 * null as NULL, so any text travels unchanged. One parameter per column instead of one per value
 * keeps big batches cheap to send and parse.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `{${values.map((v) => (v == null ? "NULL" : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
}
