"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import type { DepartmentInboxPage, InsightRow } from "@/db/queries/insights";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";
import { AuthorLabel, InsightSummaryCells, StatusBadge } from "./labels";
import { When } from "./when";

export const INBOX_REFRESH_MS = 15_000;

async function fetchInbox(page: number): Promise<DepartmentInboxPage> {
  const res = await fetch(`/api/insights/inbox?page=${page}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`inbox ${res.status}`);
  return res.json();
}

/** When an insight is due, relative with the exact time on hover, and marked when overdue. */
function Due({ row }: { row: InsightRow }) {
  const t = useTranslations("insights");
  if (!row.slaDueAt) return <>—</>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <When date={row.slaDueAt} />
      {row.overdue ? <Badge tone="red">{t("inbox.overdue")}</Badge> : null}
    </span>
  );
}

/** The department's open insights; polls so new ones appear without reloading. */
export function DepartmentInbox() {
  const t = useTranslations("insights");
  const tp = useTranslations("common.pagination");
  const format = useFormatter();
  const [page, setPage] = useState(1);
  const { data, isError, isFetching, dataUpdatedAt } = useQuery({
    queryKey: queryKeys.insights.inbox(page),
    queryFn: () => fetchInbox(page),
    refetchInterval: INBOX_REFRESH_MS,
    staleTime: 5_000,
  });
  if (!data) return isError ? <Notice tone="error">{t("inbox.failed")}</Notice> : <p>{t("inbox.refreshing")}</p>;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600" aria-live="polite">
        {isFetching ? t("inbox.refreshing") : t("inbox.refreshed", { time: format.dateTime(new Date(dataUpdatedAt), { timeStyle: "medium" }) })}
      </p>
      {isError ? <Notice tone="error">{t("inbox.failed")}</Notice> : null}
      {data.rows.length === 0 ? (
        <EmptyState title={t("inbox.empty")} body={t("inbox.emptyHint")} />
      ) : (
        <Table aria-label={t("inbox.title")} cards>
          <thead>
            <tr>
              <Th>{t("fields.slaDue")}</Th>
              <Th>{t("fields.text")}</Th>
              <Th>{t("fields.category")}</Th>
              <Th>{t("fields.sentiment")}</Th>
              <Th>{t("fields.author")}</Th>
              <Th>{t("fields.occurredAt")}</Th>
              <Th>{t("fields.status")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id} className={cn(r.overdue && "bg-red-50")} data-overdue={r.overdue || undefined} data-testid="inbox-card">
                <Td className={cn(r.overdue && "font-semibold text-red-800")} data-label={t("fields.slaDue")}>
                  <Due row={r} />
                </Td>
                <InsightSummaryCells id={r.id} text={r.text} category={r.category} sentiment={r.sentiment} identicalCount={r.identicalCount} />
                <Td data-label={t("fields.author")}>
                  <AuthorLabel author={r.author} />
                </Td>
                <Td data-label={t("fields.occurredAt")}>
                  <When date={r.occurredAt} />
                </Td>
                <Td data-card="tag">
                  <StatusBadge status={r.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {/* One page: the count says it all, as in every other list (components/ui/pagination.tsx). */}
      {data.total === 0 ? null : pages <= 1 && !data.more ? (
        <p className="text-sm text-slate-700">{tp("count", { total: data.total })}</p>
      ) : (
        <nav aria-label={t("inbox.pagination")} className="flex flex-wrap items-center justify-between gap-4 text-sm text-slate-700">
          {/* The count stops at 10,000: above it, "Seite 12 · mehr als 10.000 Einträge". */}
          <span>{data.more ? tp("summaryMore", { page, total: data.total }) : tp("summary", { page, pages, total: data.total })}</span>
          <span className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {tp("previous")}
            </Button>
            <Button variant="secondary" size="sm" disabled={page >= pages && !data.more} onClick={() => setPage((p) => p + 1)}>
              {tp("next")}
            </Button>
          </span>
        </nav>
      )}
    </div>
  );
}
