"use client";

import dynamic from "next/dynamic";

/** recharts loads after the page (as the KPI chart does), keeping the room's first load small. */
export const VolumeChart = dynamic(() => import("./volume-chart").then((m) => m.VolumeChart), {
  ssr: false,
  loading: () => <div className="h-72 w-full" aria-hidden="true" />,
});
