"use client";

import { useFormatter } from "next-intl";

/**
 * One way to show when something happened or is due in the insight lists: relative ("vor 3 Stunden",
 * "in 2 Tagen"), the exact date and time on hover and for assistive technology. The relative text
 * depends on the moment of rendering, so server and browser may differ by a minute: no warning.
 */
export function When({ date, className }: { date: string | Date; className?: string }) {
  const format = useFormatter();
  const d = new Date(date);
  const exact = format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <time dateTime={d.toISOString()} title={exact} className={className ?? "whitespace-nowrap"} suppressHydrationWarning>
      {format.relativeTime(d, new Date())}
    </time>
  );
}
