"use client";

import type { ReactNode } from "react";
import { useDisclosure } from "./use-disclosure";

/** A button that opens a panel; Escape and a click outside close it and focus returns to the button. */
export function MenuDisclosure({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const { root, buttonProps, panelProps } = useDisclosure();
  return (
    <div className="relative" ref={root}>
      <button {...buttonProps} className="rounded-md px-3 py-2 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700">
        {summary}
      </button>
      <div {...panelProps} className="absolute right-0 z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] space-y-3 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        {children}
      </div>
    </div>
  );
}
