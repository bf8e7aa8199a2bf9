import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "./button";
import { Notice } from "./notice";
import { cn } from "@/lib/utils";

/** Link-based paging that keeps the other query parameters, so it works without JavaScript. */
export async function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations("common.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${basePath}?${q.toString()}`;
  };
  // One page: the count is all there is to say; disabled buttons would only be noise.
  // No entries: the list's empty state already says so.
  if (total === 0) return null;
  if (pages <= 1) {
    return <p className="mt-4 text-sm text-slate-700">{t("count", { total })}</p>;
  }
  const linkCls = cn(buttonVariants({ variant: "secondary", size: "sm" }));
  const off = cn(linkCls, "pointer-events-none opacity-50");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-slate-700">
      <span>{t("summary", { page: Math.min(page, pages), pages, total })}</span>
      <span className="flex flex-wrap gap-2">
        {page > 1 ? (
          <Link className={linkCls} href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t("previous")}
          </span>
        )}
        {page < pages ? (
          <Link className={linkCls} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t("next")}
          </span>
        )}
      </span>
    </nav>
  );
}

/**
 * Paging by cursor for the big lists (insights, audit log, measurements): "Neuere"/"Ältere" move
 * one page from the first/last row shown, "Zur ersten Seite" jumps back to the top. Links, so it
 * works without JavaScript and with the keyboard. The count is capped ("mehr als 10.000").
 */
export async function CursorPagination({
  count,
  newer,
  older,
  basePath,
  params,
}: {
  count: { total: number; more: boolean };
  newer: string | null;
  older: string | null;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations("common.pagination");
  if (count.total === 0 && !newer) return null;
  const href = (cursor?: { after?: string; before?: string }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (cursor?.after) q.set("after", cursor.after);
    if (cursor?.before) q.set("before", cursor.before);
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const summary = count.more ? t("countMore", { total: count.total }) : t("count", { total: count.total });
  if (!newer && !older) return <p className="mt-4 text-sm text-slate-700">{summary}</p>;
  const linkCls = cn(buttonVariants({ variant: "secondary", size: "sm" }));
  const off = cn(linkCls, "pointer-events-none opacity-50");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-slate-700">
      <span>{summary}</span>
      <span className="flex flex-wrap gap-2">
        {newer ? (
          <Link className={linkCls} href={href()}>
            {t("first")}
          </Link>
        ) : null}
        {newer ? (
          <Link className={linkCls} href={href({ before: newer })} rel="prev">
            {t("newer")}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t("newer")}
          </span>
        )}
        {older ? (
          <Link className={linkCls} href={href({ after: older })} rel="next">
            {t("older")}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t("older")}
          </span>
        )}
      </span>
    </nav>
  );
}

/** Shown above a list whose page link (cursor) was broken or tampered with; the first page follows. */
export async function InvalidCursorNotice() {
  const t = await getTranslations("common.pagination");
  return <Notice tone="error">{t("invalidCursor")}</Notice>;
}
