"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { importCsvAction, previewCsvAction } from "@/app/(dashboard)/insights/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/action-result";
import type { CsvPreview } from "@/lib/insights/csv";
import { MAX_INSIGHT_CSV_BYTES } from "@/lib/enums";
import { focusAfterUpdate } from "./focus";

type Imported = { created: number; duplicates: number; routed: number };
/** One check of a file: its number (a fresh import step per check) and the very bytes that were checked. */
type Checked = { run: number; file: File | null; result: ActionResult<CsvPreview> };

/** Imports exactly the bytes that were checked; a new check starts a new step with no old outcome. */
function ImportStep({ file, fresh }: { file: File; fresh: number }) {
  const t = useTranslations();
  const [imported, importAction] = useActionState<ActionResult<Imported> | undefined, FormData>(async (prev, form) => {
    form.set("file", file);
    const res = await importCsvAction(prev, form);
    // The import button goes away with the success: focus moves to the outcome, which is read out.
    if (res.ok && res.data) focusAfterUpdate("import-outcome");
    return res;
  }, undefined);
  return (
    <form action={importAction}>
      {imported?.ok && imported.data ? (
        <div id="import-outcome" tabIndex={-1} className="focus:outline-none">
          <Notice tone="success">{t("insights.import.imported", imported.data)}</Notice>
        </div>
      ) : (
        <ActionNotice state={imported} />
      )}
      {imported?.ok ? null : (
        <SubmitButton className="mt-3" disabled={fresh === 0}>
          {t("insights.import.import")}
        </SubmitButton>
      )}
    </form>
  );
}

/**
 * Check first, then import the very same bytes: the file is read once in the browser and sent as it
 * is, so the server can tell UTF-8 from Windows-1252 (German Excel's default).
 */
export function CsvImport() {
  const t = useTranslations();
  const format = useFormatter();
  const [checked, previewAction] = useActionState<Checked | undefined, FormData>(async (prev, form) => {
    const run = (prev?.run ?? 0) + 1;
    const picked = form.get("file");
    if (!(picked instanceof File) || picked.size === 0) return { run, file: null, result: await previewCsvAction(undefined, form) };
    // Too large is said here, before megabytes travel only to be refused (the server checks again).
    if (picked.size > MAX_INSIGHT_CSV_BYTES) {
      return { run, file: null, result: { ok: false, error: "validation_failed", fieldErrors: { file: ["insights.import.errors.tooLarge"] } } };
    }
    // A copy in memory: the import sends what was checked even if the file on disk changes.
    const file = new File([await picked.arrayBuffer()], picked.name, { type: "text/csv" });
    form.set("file", file);
    return { run, file, result: await previewCsvAction(undefined, form) };
  }, undefined);
  const preview = checked?.result;
  const p = preview?.ok ? preview.data : undefined;
  const msg = (key: string) => (t.has(key) ? t(key) : key);

  return (
    <div className="space-y-4">
      <Card className="space-y-3">
        <p className="text-sm text-slate-700">{t("insights.import.lead")}</p>
        <p className="text-xs text-slate-600">{t("insights.import.columns")}</p>
        <form action={previewAction} className="flex flex-wrap items-end gap-3" noValidate>
          <Field label={t("insights.import.file")} errors={preview && !preview.ok ? preview.fieldErrors?.file : undefined}>
            <Input type="file" name="file" accept=".csv,text/csv" />
          </Field>
          <SubmitButton variant="secondary">{t("insights.import.preview")}</SubmitButton>
        </form>
        {preview && !preview.ok ? <ActionNotice state={preview} /> : null}
      </Card>
      {p && !p.ok ? (
        <Card>
          <Notice tone="error">{t("insights.import.issuesTitle")}</Notice>
          <Table className="mt-3">
            <thead>
              <tr>
                <Th>{t("csv.row")}</Th>
                <Th>{t("csv.column")}</Th>
                <Th>{t("csv.reason")}</Th>
                <Th>{t("csv.value")}</Th>
              </tr>
            </thead>
            <tbody>
              {p.issues.slice(0, 200).map((i, n) => (
                <tr key={n}>
                  <Td>{i.row || "—"}</Td>
                  <Td>{i.column ?? "—"}</Td>
                  <Td>{msg(i.reason)}</Td>
                  <Td>{i.value ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {checked && p?.ok ? (
        <Card className="space-y-3">
          <h2 className="font-medium">{t("insights.import.previewTitle")}</h2>
          <p className="text-sm">{t("insights.import.summary", { rows: p.rows, fresh: p.fresh, duplicates: p.duplicates, routed: p.routed })}</p>
          <Table>
            <thead>
              <tr>
                <Th>{t("csv.row")}</Th>
                <Th>{t("insights.fields.occurredAt")}</Th>
                <Th>{t("insights.fields.category")}</Th>
                <Th>{t("insights.fields.text")}</Th>
                <Th>{t("insights.fields.department")}</Th>
              </tr>
            </thead>
            <tbody>
              {p.sample.map((s) => (
                <tr key={s.line}>
                  <Td>{s.line}</Td>
                  <Td className="whitespace-nowrap">{format.dateTime(new Date(s.occurredAt), { dateStyle: "short", timeStyle: "short" })}</Td>
                  <Td>{t(`insights.category.${s.category}` as never)}</Td>
                  <Td className="max-w-md">{s.text}</Td>
                  <Td>{s.duplicate ? t("insights.import.duplicate") : (s.departmentName ?? t("insights.import.triage"))}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {checked.file ? <ImportStep key={checked.run} file={checked.file} fresh={p.fresh} /> : null}
        </Card>
      ) : null}
    </div>
  );
}
