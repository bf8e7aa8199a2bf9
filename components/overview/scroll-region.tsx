"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A sideways-scrolling area for a table that is wide by nature (the channel matrix): reachable by
 * keyboard (focusable, named region), with a shadow on the side that has more, and a visible hint
 * that says how many columns are still out of view ("→ 7 weitere Kanäle") and scrolls to them.
 * Columns that count are marked `data-scroll-item`.
 */
export function ScrollRegion({
  label,
  moreKey,
  backKey,
  children,
  className,
  frameless = false,
}: {
  label: string;
  /** Message key of the hint, with `{count}` columns out of view on the right. */
  moreKey: string;
  /** Message key of the way back to the first columns. */
  backKey: string;
  children: React.ReactNode;
  className?: string;
  /** Without its own border, for content that brings one (a card). */
  frameless?: boolean;
}) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  // Until measured (and without JavaScript) the region is assumed to scroll, so it stays reachable.
  const [state, setState] = useState({ scrollable: true, left: false, right: false, hidden: 0 });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    const visibleRight = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth;
    const hidden = right ? Array.from(el.querySelectorAll("[data-scroll-item]")).filter((c) => c.getBoundingClientRect().right > visibleRight + 2).length : 0;
    setState({ scrollable: el.scrollWidth > el.clientWidth + 1, left: el.scrollLeft > 1, right, hidden });
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, [measure]);
  const scroll = (direction: 1 | -1) => {
    const el = ref.current;
    if (!el) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollBy({ left: direction === 1 ? el.clientWidth * 0.8 : -el.scrollWidth, behavior: reduce ? "auto" : "smooth" });
  };
  return (
    <div className={cn("space-y-2", className)}>
      <div className="relative">
        <div
          ref={ref}
          // A tab stop and a landmark only while there is something to scroll.
          role={state.scrollable ? "region" : undefined}
          aria-label={state.scrollable ? label : undefined}
          tabIndex={state.scrollable ? 0 : undefined}
          // relative: visually hidden text (absolutely positioned) must be clipped here, not widen the page.
          // [overflow-x:auto] rather than the utility, so a parent may unset nested `overflow-x-auto` scrollers.
          className={cn(
            "relative [overflow-x:auto] rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700",
            frameless ? null : "border border-slate-200 bg-white",
          )}
          data-testid="scroll-region"
        >
          {children}
        </div>
        <div
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-y-0 right-0 w-8 rounded-r-lg bg-gradient-to-l from-slate-900/15 to-transparent transition-opacity",
            state.right ? "opacity-100" : "opacity-0",
          )}
        />
      </div>
      {state.hidden > 0 || state.left ? (
        <div className="flex justify-end gap-2 text-sm">
          {state.left && state.hidden === 0 ? (
            <button type="button" onClick={() => scroll(-1)} className="rounded px-2 py-1 font-medium text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700">
              {t(backKey)}
            </button>
          ) : null}
          {state.hidden > 0 ? (
            <button
              type="button"
              onClick={() => scroll(1)}
              className="rounded px-2 py-1 font-medium text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
              data-testid="scroll-more"
            >
              {t(moreKey, { count: state.hidden })}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
