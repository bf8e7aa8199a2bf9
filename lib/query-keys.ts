/** The one query-key factory: server prefetch and client hooks must agree on these keys. */
export const queryKeys = {
  insights: {
    all: ["insights"] as const,
    inbox: (page: number) => ["insights", "inbox", page] as const,
  },
  overview: (p: { period: string; date: string }) => ["overview", p.period, p.date] as const,
};
