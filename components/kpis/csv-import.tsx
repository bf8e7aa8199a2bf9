"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import type { CsvIssue } from "@/lib/csv/parse";

interface Report {
  total: number;
  errorCount: number;
  imported: number;
  issues: CsvIssue[];
  preview: { line: number; kpi?: string; date?: string; value?: number; errors?: CsvIssue[] }[];
}

/** Upload → preview (every row's parsed value or error) → import; the server checks the file again on import. */
export function CsvImport() {
  const t = useTranslations("kpis.import");
  const tr = useTranslations();
  const format = useFormatter();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(mode: "preview" | "import") {
    if (!file) return;
    setBusy(mode);
    setFailure(null);
    try {
      const res = await fetch(`/api/kpis/import?mode=${mode}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
      const body = await res.json();
      if (body.data) setReport(body.data);
      else setFailure(tr(`common.result.${body.error?.code ?? "internal"}`));
    } catch {
      setFailure(tr("common.result.internal"));
    } finally {
      setBusy(null);
    }
  }
  const reason = (i: CsvIssue) => `${i.column ? `${i.column}: ` : ""}${tr.has(i.reason) ? tr(i.reason) : i.reason}${i.value ? ` („${i.value}“)` : ""}`;
  return (
    <div className="space-y-4">
      <Card className="max-w-2xl space-y-3">
        <Field label={t("file")} hint={`${t("example")}: Kennzahl;Datum;Wert ↵ Leads über XING;31.03.2026;7`}>
          <Input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
        </Field>
        <div className="flex gap-2">
          <Button variant="secondary" disabled={!file || busy !== null} onClick={() => send("preview")}>
            {busy === "preview" ? t("checking") : t("preview")}
          </Button>
          <Button disabled={!file || busy !== null || !report || report.errorCount > 0 || report.imported > 0} onClick={() => send("import")}>
            {busy === "import" ? t("importing") : t("import")}
          </Button>
        </div>
      </Card>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {report ? (
        <div className="space-y-3">
          {report.imported > 0 ? (
            <Notice tone="success">{t("imported", { count: report.imported })}</Notice>
          ) : report.errorCount > 0 ? (
            <Notice tone="error">{t("rejected")}</Notice>
          ) : null}
          <p className="text-sm text-slate-700">{t("summary", { rows: report.total, errors: report.errorCount })}</p>
          {report.issues.length > 0 ? (
            <section aria-labelledby="import-errors">
              <h2 id="import-errors" className="mb-2 font-medium">
                {t("errorsTitle")}
              </h2>
              <ul className="list-inside list-disc text-sm text-red-800">
                {report.issues.slice(0, 50).map((i, n) => (
                  <li key={n}>
                    {tr("csv.row")} {i.row}: {reason(i)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {report.preview.length < report.total ? <p className="text-xs text-slate-600">{t("showingFirst", { shown: report.preview.length, rows: report.total })}</p> : null}
          <Table>
            <thead>
              <tr>
                <Th>{tr("csv.row")}</Th>
                <Th>{t("kpi")}</Th>
                <Th>{tr("kpis.detail.date")}</Th>
                <Th className="text-right">{t("parsed")}</Th>
                <Th>{tr("csv.reason")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.preview.map((p) => (
                <tr key={p.line} className={p.errors ? "bg-red-50" : undefined}>
                  <Td>{p.line}</Td>
                  <Td>{p.kpi ?? "—"}</Td>
                  <Td>{p.date ? format.dateTime(new Date(`${p.date}T12:00:00Z`), { dateStyle: "medium" }) : "—"}</Td>
                  <Td className="text-right tabular-nums">{p.value !== undefined ? format.number(p.value, { maximumFractionDigits: 6 }) : "—"}</Td>
                  <Td className={p.errors ? "text-red-800" : "text-green-800"}>{p.errors ? p.errors.map(reason).join("; ") : t("ok")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
