import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listMyGuidelines } from "@/db/queries/guidelines";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function MyGuidelinesPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("guidelines:acknowledge");
  const sp = await searchParams;
  const { rows, total, pending, page, pageSize } = await listMyGuidelines(await getDb(), user, { page: pageParam(sp) });
  const t = await getTranslations("guidelines");
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t("mine.title")} lead={t("mine.lead")} />
      {total === 0 ? (
        <EmptyState title={t("mine.empty")} body={t("mine.emptyHint")} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700" role="status">
            {pending ? t("mine.summary", { pending, total }) : t("mine.summaryDone")}
          </p>
          <Table>
            <thead>
              <tr>
                <Th>{t("fields.title")}</Th>
                <Th>{t("fields.currentVersion")}</Th>
                <Th>{t("mine.published")}</Th>
                <Th>{t("mine.state")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-pending={r.pending ? "true" : "false"}>
                  <Td>
                    <Link href={`/guidelines/${r.id}`} className="font-medium text-blue-800 hover:underline">
                      {r.title}
                    </Link>
                    {r.changeNote ? <div className="text-xs text-slate-600">{r.changeNote}</div> : null}
                  </Td>
                  <Td>{t("versionNo", { version: r.version })}</Td>
                  <Td>{r.publishedAt ? format.dateTime(r.publishedAt, { dateStyle: "medium" }) : ""}</Td>
                  <Td>
                    {r.pending ? (
                      <Badge tone="amber">{t("mine.pending")}</Badge>
                    ) : (
                      <Badge tone="green">{t("mine.acknowledgedOn", { date: format.dateTime(r.acknowledgedAt!, { dateStyle: "medium" }) })}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={page} pageSize={pageSize} total={total} basePath="/guidelines/mine" params={{}} />
        </div>
      )}
    </>
  );
}
