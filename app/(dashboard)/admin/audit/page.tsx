import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { CursorPagination, InvalidCursorNotice } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { auditEntityTypes, listAudit } from "@/db/queries/audit";
import { requirePagePermission } from "@/lib/auth/session";
import { cursorParams } from "@/lib/pagination/cursor";
import { param } from "@/lib/search-params";
import { sectionPageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

function parseDay(s: string | undefined, endOfDay: boolean): Date | undefined {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = new Date(`${s}T${endOfDay ? "23:59:59.999" : "00:00:00"}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export const generateMetadata = () => sectionPageTitle("admin.tabs.audit", "admin.title");

export default async function AuditPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("admin:audit");
  const sp = await searchParams;
  const db = await getDb();
  const types = await auditEntityTypes(db);
  const entityType = param(sp, "entity");
  const filter = {
    entityType: entityType && types.includes(entityType) ? entityType : undefined,
    from: parseDay(param(sp, "from"), false),
    to: parseDay(param(sp, "to"), true),
  };
  const cursor = cursorParams(sp);
  const { rows, count, newer, older } = await listAudit(db, { ...filter, after: cursor.after, before: cursor.before });
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      {cursor.invalid ? <InvalidCursorNotice /> : null}
      <form className="flex flex-wrap items-end gap-2">
        <Select name="entity" defaultValue={filter.entityType ?? ""} aria-label={t("admin.audit.entityType")} className="w-52">
          <option value="">{t("admin.audit.entityType")}: {t("common.states.all")}</option>
          {types.map((ty) => (
            <option key={ty} value={ty}>
              {ty}
            </option>
          ))}
        </Select>
        <label className="text-sm">
          {t("admin.audit.from")}
          <Input type="date" name="from" defaultValue={param(sp, "from")} className="w-44" />
        </label>
        <label className="text-sm">
          {t("admin.audit.to")}
          <Input type="date" name="to" defaultValue={param(sp, "to")} className="w-44" />
        </label>
        <Button type="submit" variant="secondary">
          {t("common.actions.filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t("admin.audit.empty")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("admin.audit.time")}</Th>
              <Th>{t("admin.audit.actor")}</Th>
              <Th>{t("admin.audit.action")}</Th>
              <Th>{t("admin.audit.entity")}</Th>
              <Th>{t("admin.audit.changes")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</Td>
                <Td>{r.actorName ?? t("admin.audit.system")}</Td>
                <Td>
                  <code className="text-xs">{r.action}</code>
                </Td>
                <Td>
                  {r.entityType} {r.entityId ? `#${r.entityId}` : ""}
                </Td>
                <Td>
                  {r.before || r.after ? (
                    <details>
                      <summary className="cursor-pointer text-blue-800">{t("admin.audit.show")}</summary>
                      <div className="mt-2 grid gap-2 md:grid-cols-2">
                        <div>
                          <p className="text-xs font-medium">{t("admin.audit.before")}</p>
                          <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(r.before, null, 2)}</pre>
                        </div>
                        <div>
                          <p className="text-xs font-medium">{t("admin.audit.after")}</p>
                          <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(r.after, null, 2)}</pre>
                        </div>
                      </div>
                    </details>
                  ) : (
                    t("common.states.none")
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <CursorPagination count={count} newer={newer} older={older} basePath="/admin/audit" params={{ entity: filter.entityType, from: param(sp, "from"), to: param(sp, "to") }} />
    </div>
  );
}
