/**
 * What an API token may be used for; an API route names the one scope it needs. Dependency-free so
 * the token form (a client component) can list the scopes without the hashing code in
 * lib/api-tokens/tokens.ts, which needs node:crypto. Labels: `admin.tokens.scope.<scope>` in the
 * messages.
 */
export const API_SCOPES = ["measurements:write", "insights:write", "insights:read", "alerts:read", "webhooks:manage", "connectors:manage"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(x: unknown): x is ApiScope {
  return typeof x === "string" && (API_SCOPES as readonly string[]).includes(x);
}
