import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { archiveProcessAction, restoreProcessAction } from "../actions";
import { ProcessCreateForm, ProcessRenameForm } from "@/components/channels/process-forms";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Checkbox, Label, Select } from "@/components/ui/input";
import { OptionList } from "@/components/ui/option-list";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listProcesses } from "@/db/queries/processes";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { intParam, pageParam, param } from "@/lib/search-params";
import { sectionPageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => sectionPageTitle("channels.tabs.processes", "channels.title");

export default async function ProcessesPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("channels:read");
  const sp = await searchParams;
  const db = await getDb();
  const filter = { departmentId: intParam(sp, "department"), includeArchived: param(sp, "archived") === "1", page: pageParam(sp), pageSize: 25 };
  const [{ rows, total, page, pageSize }, deps] = await Promise.all([listProcesses(db, filter), listDepartments(db)]);
  const writer = can(user.role, "processes:write");
  const t = await getTranslations();
  const tp = await getTranslations("channels.processes");

  return (
    <div className={writer ? "grid gap-6 lg:grid-cols-[2fr_1fr]" : "space-y-4"}>
      <div className="space-y-4">
        <p className="text-slate-700">{tp("lead")}</p>
        <form className="flex flex-wrap items-center gap-3">
          <Select name="department" defaultValue={filter.departmentId ? String(filter.departmentId) : ""} aria-label={tp("department")} className="w-60">
            <OptionList items={deps} empty={`${tp("department")}: ${t("common.states.all")}`} />
          </Select>
          <span className="flex items-center gap-2">
            <Checkbox id="archived" name="archived" value="1" defaultChecked={filter.includeArchived} />
            <Label htmlFor="archived">{tp("showArchived")}</Label>
          </span>
          <Button type="submit" variant="secondary">
            {t("common.actions.filter")}
          </Button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={tp("empty")} body={writer ? tp("emptyHint") : undefined} />
        ) : (
          <Table aria-label={t("channels.tabs.processes")}>
            <thead>
              <tr>
                <Th>{tp("department")}</Th>
                <Th>{tp("name")}</Th>
                {writer ? <Th>{tp("actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <Td>
                    <Link href={`/departments/${p.departmentSlug}`} className="text-blue-800 hover:underline">
                      {p.departmentName}
                    </Link>
                  </Td>
                  <Td>
                    <span className="font-medium">{p.name}</span> {p.archivedAt ? <Badge>{tp("archived")}</Badge> : null}
                    {p.description ? <div className="text-xs text-slate-600">{p.description}</div> : null}
                  </Td>
                  {writer ? (
                    <Td className="space-y-2">
                      <ProcessRenameForm process={p} />
                      {p.archivedAt ? (
                        <ActionButtonForm
                          action={restoreProcessAction}
                          fields={{ id: p.id }}
                          label={tp("restore")}
                          ariaLabel={tp("restoreLabel", { name: p.name })}
                        />
                      ) : (
                        <ActionButtonForm
                          action={archiveProcessAction}
                          fields={{ id: p.id }}
                          label={tp("archive")}
                          ariaLabel={tp("archiveLabel", { name: p.name })}
                          confirm={tp("archiveConfirm", { name: p.name })}
                        />
                      )}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={pageSize}
          total={total}
          basePath="/channels/processes"
          params={{ department: param(sp, "department"), archived: filter.includeArchived ? "1" : undefined }}
        />
      </div>
      {writer ? <ProcessCreateForm departments={deps.map((d) => ({ id: d.id, name: d.name }))} departmentId={filter.departmentId} /> : null}
    </div>
  );
}
