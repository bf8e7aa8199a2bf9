import type { ReactNode } from "react";

/**
 * The page's one <h1>. It takes focus (tabIndex -1) after an action whose form went away, so
 * keyboard and screen-reader users continue from the top of what changed, never from <body>.
 */
export function GuidelineHeader({ title, lead, actions, children }: { title: string; lead?: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 id="page-title" tabIndex={-1} className="break-words text-2xl font-semibold text-slate-900 focus:outline-none">
          {title}
        </h1>
        {lead ? <p className="mt-1 max-w-3xl text-slate-600">{lead}</p> : null}
        {children}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
