/** The one place query keys are made, so server prefetch and client refetch always agree. */
export const queryKeys = {
  overview: (p: { period: string; date: string }) => ["overview", p.period, p.date] as const,
};
