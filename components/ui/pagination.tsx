import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "./button";
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
