"use client";

import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Set inside a scroll region: a table within it must not scroll on its own as well. */
const InsideScrollRegion = createContext(false);

type Props = {
  /** The area's name. A landmark region carries it; otherwise it names a group ("Tabelle, seitlich scrollbar"). */
  label?: string;
  /** A named landmark region (the caller keeps names unique on the page), or just a named group. */
  landmark?: boolean;
  /** A visible way to the columns out of view ("→ 7 weitere Kanäle", with `{count}`) and back. */
  hint?: { moreKey: string; backKey: string };
  /** Without its own border, for content that brings one (a card). */
  frameless?: boolean;
  /** Without its frame on a phone only: for a table whose rows are cards there (`Table cards`). */
  framelessBelowMd?: boolean;
  className?: string;
  children: ReactNode;
};

/**
 * A box that scrolls sideways when its content (a wide table) does not fit. While it overflows it
 * is a keyboard stop with a name, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1);
 * until measured (and without JavaScript) it is assumed to overflow, so it is never unreachable. A
 * shadow on the right shows that more columns exist; with `hint`, a button says how many (columns
 * that count are marked `data-scroll-item`). Nested in another region it only draws its frame: the
 * outermost region scrolls.
 */
export function ScrollRegion(props: Props) {
  if (useContext(InsideScrollRegion)) {
    return (
      <div className={cn(!props.frameless && "rounded-lg border border-slate-200 bg-white", props.framelessBelowMd && "max-md:border-0 max-md:bg-transparent", props.className)}>
        {props.children}
      </div>
    );
  }
  return <Scroller {...props} />;
}

function Scroller({ label, landmark = false, hint, frameless = false, framelessBelowMd = false, className, children }: Props) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState({ scrollable: true, left: false, right: false, hidden: 0 });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const scrollable = el.scrollWidth > el.clientWidth + 1;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    const visibleRight = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth;
    const hidden =
      hint && right ? Array.from(el.querySelectorAll("[data-scroll-item]")).filter((c) => c.getBoundingClientRect().right > visibleRight + 2).length : 0;
    setState((s) =>
      s.scrollable === scrollable && s.left === left && s.right === right && s.hidden === hidden ? s : { scrollable, left, right, hidden },
    );
  }, [hint]);

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
  const hintButton = "rounded px-2 py-1 font-medium text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700";

  return (
    <div className={cn(hint && "space-y-2", className)}>
      <div className="relative">
        <div
          ref={ref}
          {...(state.scrollable
            ? { tabIndex: 0, role: landmark ? "region" : "group", "aria-label": label ?? t("common.scrollRegion") }
            : {})}
          // relative: visually hidden text (absolutely positioned) is clipped here instead of widening the page.
          className={cn(
            "relative overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700",
            !frameless && "border border-slate-200 bg-white",
            framelessBelowMd && "max-md:border-0 max-md:bg-transparent",
          )}
          data-testid="scroll-region"
        >
          <InsideScrollRegion.Provider value={true}>{children}</InsideScrollRegion.Provider>
        </div>
        <div
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-y-0 right-0 w-8 rounded-r-lg bg-gradient-to-l from-slate-900/15 to-transparent transition-opacity",
            state.right ? "opacity-100" : "opacity-0",
          )}
        />
      </div>
      {hint && (state.hidden > 0 || state.left) ? (
        <div className="flex justify-end gap-2 text-sm">
          {state.left && state.hidden === 0 ? (
            <button type="button" onClick={() => scroll(-1)} className={hintButton}>
              {t(hint.backKey)}
            </button>
          ) : null}
          {state.hidden > 0 ? (
            <button type="button" onClick={() => scroll(1)} className={hintButton} data-testid="scroll-more">
              {t(hint.moreKey, { count: state.hidden })}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
