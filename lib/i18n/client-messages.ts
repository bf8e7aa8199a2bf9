/**
 * Which message namespaces reach the browser. Every page used to carry the whole catalogue (about
 * 60 KB of German in each page's payload, more than its data); each part of the dashboard now
 * hands its client components only the namespaces they read. `common` (buttons, results,
 * pagination, navigation) and `validation` (the field errors every form shows) always go along.
 * lib/i18n/client-messages.test.ts follows each part's imports to its client components and fails
 * when one of them reads a namespace its part does not send. Besides those, a part sends the
 * namespace of the errors its forms' server actions answer with (channels for departments).
 */
export const ALWAYS_ON_CLIENT = ["common", "validation"] as const;

/** The namespaces a part of the dashboard (its URL's first segment) needs in the browser, besides ALWAYS_ON_CLIENT. */
export const CLIENT_NAMESPACES = {
  /** The header: navigation, user menu, notification bell, toasts. */
  shell: [],
  overview: ["overview", "kpis"],
  insights: ["insights", "csv"],
  kpis: ["kpis", "alerts", "csv"],
  measures: ["measures", "kpis"],
  alerts: ["alerts"],
  crisis: ["crisis"],
  guidelines: ["guidelines"],
  channels: ["channels", "kpis", "connectors"],
  departments: ["channels"],
  admin: ["admin"],
  notifications: ["notifications"],
  profile: ["notifications"],
  /** The two-factor set-up (outside the dashboard: it is also where a required set-up waits). */
  "two-factor": ["auth"],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof CLIENT_NAMESPACES;

/** The messages of `area`'s namespaces and the always-on ones, taken from the whole catalogue. */
export function pickClientMessages<M extends Record<string, unknown>>(all: M, area: ClientArea): Partial<M> {
  const out: Partial<M> = {};
  for (const ns of [...ALWAYS_ON_CLIENT, ...CLIENT_NAMESPACES[area]] as (keyof M & string)[]) {
    if (ns in all) out[ns] = all[ns];
  }
  return out;
}
