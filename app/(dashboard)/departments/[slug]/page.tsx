import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelStatusBadge } from "@/components/channels/channel-badges";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listChannels } from "@/db/queries/channels";
import { getDepartmentBySlug } from "@/db/queries/departments";
import { listProcesses } from "@/db/queries/processes";
import { getUser } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { pageParam } from "@/lib/search-params";
import { namedPageTitle } from "@/lib/i18n/page-title";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  await requirePagePermission("channels:read");
  const { slug } = await params;
  const dept = /^[a-z0-9-]{1,60}$/.test(slug) ? await getDepartmentBySlug(await getDb(), slug) : null;
  return namedPageTitle(dept?.name ?? "—", "insights.titles.departmentKind");
}

export default async function DepartmentPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("channels:read");
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) notFound();
  const db = await getDb();
  const dept = await getDepartmentBySlug(db, slug);
  if (!dept) notFound();
  const [head, chans, processes] = await Promise.all([
    dept.headUserId ? getUser(db, dept.headUserId) : Promise.resolve(null),
    listChannels(db, { departmentId: dept.id, page: pageParam(await searchParams), pageSize: 25 }),
    listProcesses(db, { departmentId: dept.id, pageSize: 100 }),
  ]);
  const t = await getTranslations();
  const td = await getTranslations("channels.department");

  return (
    <>
      <PageHeader title={dept.name} lead={td("lead")} />
      {/* minmax(0, …): a wide table scrolls inside its card instead of widening the page on a phone. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="min-w-0 space-y-3">
          <h2 className="font-medium text-slate-900">{td("channels")}</h2>
          {chans.rows.length === 0 ? (
            <p className="text-sm font-medium text-red-800">{td("noChannels")}</p>
          ) : (
            <Table aria-label={td("channels")}>
              <thead>
                <tr>
                  <Th>{t("channels.fields.name")}</Th>
                  <Th>{t("channels.fields.platform")}</Th>
                  <Th>{t("channels.fields.status")}</Th>
                  <Th>{t("channels.detail.responsibility")}</Th>
                </tr>
              </thead>
              <tbody>
                {chans.rows.map((c) => (
                  <tr key={c.id}>
                    <Td>
                      <Link href={`/channels/${c.id}`} className="font-medium text-blue-800 hover:underline">
                        {c.name}
                      </Link>
                    </Td>
                    <Td>{t(`channels.platforms.${c.platform}`)}</Td>
                    <Td>
                      <ChannelStatusBadge status={c.status} />
                    </Td>
                    <Td>{c.responsibility ? t(`channels.responsibilities.${c.responsibility}`) : null}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination page={chans.page} pageSize={chans.pageSize} total={chans.total} basePath={`/departments/${dept.slug}`} params={{}} />
        </Card>
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="font-medium text-slate-900">{td("head")}</h2>
            {head ? (
              <p className="mt-1 text-sm">
                {head.name}
                <br />
                <a href={`mailto:${head.email}`} className="text-blue-800 hover:underline">
                  {head.email}
                </a>
              </p>
            ) : (
              <p className="mt-1 text-sm text-slate-600">{td("noHead")}</p>
            )}
          </Card>
          <Card className="space-y-2">
            <h2 className="font-medium text-slate-900">{td("processes")}</h2>
            {processes.rows.length === 0 ? (
              <p className="text-sm text-slate-600">{td("noProcesses")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {processes.rows.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium">{p.name}</span>
                    {p.description ? <div className="text-slate-600">{p.description}</div> : null}
                  </li>
                ))}
              </ul>
            )}
            {can(user.role, "processes:write") ? (
              <Link href={`/channels/processes?department=${dept.id}`} className="inline-block text-sm font-medium text-blue-800 hover:underline">
                {td("manageProcesses")}
              </Link>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
