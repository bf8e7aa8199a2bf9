"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { InsightRow } from "@/db/queries/insights";
import { BulkBar } from "./bulk-bar";
import { AuthorLabel, InsightCardBody, InsightSummaryCells, StatusBadge } from "./labels";
import { When } from "./when";

type Option = { id: number; name: string };

/**
 * The triage and "all insights" list: a table from md up, cards below (same data, same
 * selection). The bulk bar stays when the list runs empty, so the confirmation of routing the last
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
          <div className="hidden md:block">
            <Table aria-label={t("list.label")}>
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
                  <tr key={r.id}>
                    {canRoute ? (
                      <Td>
                        <Checkbox aria-label={t("bulk.select", { id: r.id })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                      </Td>
                    ) : null}
                    <Td>
                      <When date={r.occurredAt} />
                    </Td>
                    <InsightSummaryCells id={r.id} text={r.text} category={r.category} sentiment={r.sentiment} identicalCount={r.identicalCount} highlight={highlight} />
                    <Td>{channel(r)}</Td>
                    <Td>
                      <AuthorLabel author={r.author} />
                    </Td>
                    <Td>
                      <StatusBadge status={r.status} />
                    </Td>
                    {showDepartment ? <Td>{r.departmentName ?? "—"}</Td> : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="space-y-2 md:hidden">
            {canRoute ? (
              <label className="flex items-center gap-2 px-1 text-sm text-slate-800">
                <Checkbox checked={allSelected} onChange={toggleAll} />
                {t("bulk.selectAll")}
              </label>
            ) : null}
            <ul className="space-y-3" aria-label={t("list.label")}>
              {rows.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="insight-card">
                  <div className="flex items-start gap-3">
                    {canRoute ? (
                      <Checkbox className="mt-1" aria-label={t("bulk.select", { id: r.id })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                    ) : null}
                    <InsightCardBody
                      {...r}
                      highlight={highlight}
                      details={[
                        { label: t("fields.occurredAt"), value: <When date={r.occurredAt} /> },
                        { label: t("fields.channel"), value: channel(r), className: "[overflow-wrap:anywhere]" },
                        { label: t("fields.author"), value: <AuthorLabel author={r.author} /> },
                        ...(showDepartment ? [{ label: t("fields.department"), value: r.departmentName ?? "—" }] : []),
                      ]}
                    />
                  </div>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </div>
  );
}
