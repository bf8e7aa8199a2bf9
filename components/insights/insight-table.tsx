"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { InsightRow } from "@/db/queries/insights";
import { BulkBar } from "./bulk-bar";
import { AuthorLabel, InsightSummaryCells, StatusBadge } from "./labels";
import { When } from "./when";

type Option = { id: number; name: string };

/**
 * The triage and "all insights" list: a table from md up, one card per row below (the same
 * markup, `<Table cards>`). The bulk bar stays when the list runs empty, so the confirmation of routing the last
 * triage item and its undo do not vanish with the rows.
 */
export function InsightTable({
  rows,
  departments,
  canRoute,
  showDepartment = true,
  empty,
  highlight,
}: {
  rows: InsightRow[];
  departments: Option[];
  canRoute: boolean;
  /** Off for a department head: every row is their own department. */
  showDepartment?: boolean;
  empty: { title: string; body: string };
  /** The search query, marked in the texts. */
  highlight?: string;
}) {
  const t = useTranslations("insights");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const visible = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)));
  const channel = (r: InsightRow) => r.channelName ?? (r.platform ? t(`platform.${r.platform}`) : "—");

  return (
    <div className="space-y-3">
      {canRoute ? <BulkBar selected={visible} rows={rows} departments={departments} onSettled={() => setSelected(new Set())} /> : null}
      {rows.length === 0 ? (
        <EmptyState title={empty.title} body={empty.body} />
      ) : (
        <>
          {canRoute ? (
            // The header's "select all" is not shown on a phone, where the rows are cards.
            <label className="flex items-center gap-2 px-1 text-sm text-slate-800 md:hidden">
              <Checkbox checked={allSelected} onChange={toggleAll} />
              {t("bulk.selectAll")}
            </label>
          ) : null}
          <Table aria-label={t("list.label")} cards>
            <thead>
              <tr>
                {canRoute ? (
                  <Th className="w-8">
                    <Checkbox aria-label={t("bulk.selectAll")} checked={allSelected} onChange={toggleAll} />
                  </Th>
                ) : null}
                <Th>{t("fields.occurredAt")}</Th>
                <Th>{t("fields.text")}</Th>
                <Th>{t("fields.category")}</Th>
                <Th>{t("fields.sentiment")}</Th>
                <Th>{t("fields.channel")}</Th>
                <Th>{t("fields.author")}</Th>
                <Th>{t("fields.status")}</Th>
                {showDepartment ? <Th>{t("fields.department")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="insight-card">
                  {canRoute ? (
                    <Td data-card="select">
                      <Checkbox aria-label={t("bulk.select", { id: r.id })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                    </Td>
                  ) : null}
                  <Td data-label={t("fields.occurredAt")}>
                    <When date={r.occurredAt} />
                  </Td>
                  <InsightSummaryCells id={r.id} text={r.text} category={r.category} sentiment={r.sentiment} identicalCount={r.identicalCount} highlight={highlight} />
                  <Td data-label={t("fields.channel")} className="max-md:[overflow-wrap:anywhere]">
                    {channel(r)}
                  </Td>
                  <Td data-label={t("fields.author")}>
                    <AuthorLabel author={r.author} />
                  </Td>
                  <Td data-card="tag">
                    <StatusBadge status={r.status} />
                  </Td>
                  {showDepartment ? <Td data-label={t("fields.department")}>{r.departmentName ?? "—"}</Td> : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </div>
  );
}
