"use client";

import dynamic from "next/dynamic";

/**
 * The KPI chart, loaded after the page: recharts is about 107 kB gzip, which alone would put the
 * KPI page over its first-load budget (200 kB, `npm run bench:bundle`). The chart measures its
 * container in the browser anyway, so nothing is lost by not rendering it on the server; the
 * placeholder keeps its height so the page does not jump.
 */
export const KpiChart = dynamic(() => import("./kpi-chart").then((m) => m.KpiChart), {
  ssr: false,
  loading: () => <div className="h-72 w-full" aria-hidden="true" />,
});
