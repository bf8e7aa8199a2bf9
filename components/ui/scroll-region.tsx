"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A box that scrolls sideways when its content (a wide table) does not fit. Only while it actually
 * overflows does it become a keyboard stop with a name, so keyboard users can scroll it with the
 * arrow keys (WCAG 2.1.1) without every narrow table adding a tab stop; a fade on the right edge
 * shows that more columns exist.
 */
export function ScrollRegion({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ any: false, right: false });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const any = el.scrollWidth > el.clientWidth + 1;
      const right = any && el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setOverflow((o) => (o.any === any && o.right === right ? o : { any, right }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);

  return (
    <div className="relative">
      <div
        ref={ref}
        className={cn("overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-700", className)}
        {...(overflow.any ? { tabIndex: 0, role: "group", "aria-label": label ?? t("scrollRegion") } : {})}
      >
        {children}
      </div>
      {overflow.right ? (
        <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-8 rounded-r-lg bg-gradient-to-l from-slate-300/60 to-transparent" />
      ) : null}
    </div>
  );
}
