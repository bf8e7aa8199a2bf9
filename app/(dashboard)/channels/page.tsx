import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ChannelStatusBadge } from "@/components/channels/channel-badges";
import { Button, LinkButton } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { OptionList } from "@/components/ui/option-list";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { CHANNEL_SORTS, listChannels } from "@/db/queries/channels";
import { listDepartments } from "@/db/queries/departments";
import { requirePagePermission } from "@/lib/auth/session";
import { CHANNEL_STATUSES, PLATFORMS } from "@/lib/channels/constants";
import { dayAsDate, isoDay, isReviewOverdue } from "@/lib/channels/gaps";
import { can } from "@/lib/permissions";
import { enumParam, intParam, pageParam, param } from "@/lib/search-params";
import { pageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("channels.tabs.register");

export default async function ChannelRegisterPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("channels:read");
  const sp = await searchParams;
  const db = await getDb();
  const filter = {
    q: param(sp, "q")?.slice(0, 100),
    platform: enumParam(sp, "platform", PLATFORMS),
    status: enumParam(sp, "status", CHANNEL_STATUSES),
    departmentId: intParam(sp, "department"),
    sort: enumParam(sp, "sort", CHANNEL_SORTS) ?? "name",
    dir: enumParam(sp, "dir", ["asc", "desc"] as const) ?? "asc",
    page: pageParam(sp),
    pageSize: 10,
  };
  const [{ rows, total, page, pageSize }, deps] = await Promise.all([listChannels(db, filter), listDepartments(db)]);
  const t = await getTranslations();
  const format = await getFormatter();
  const today = isoDay();
  const all = t("common.states.all");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form className="flex flex-wrap items-end gap-2" role="search" aria-label={t("channels.register.results")}>
          <Input name="q" defaultValue={filter.q} placeholder={t("channels.register.search")} aria-label={t("channels.register.search")} className="w-52" />
          <Select name="platform" defaultValue={filter.platform ?? ""} aria-label={t("channels.fields.platform")} className="w-48">
            <option value="">{t("channels.fields.platform")}: {all}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`channels.platforms.${p}`)}
              </option>
            ))}
          </Select>
          <Select name="status" defaultValue={filter.status ?? ""} aria-label={t("channels.fields.status")} className="w-40">
            <option value="">{t("channels.fields.status")}: {all}</option>
            {CHANNEL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`channels.statuses.${s}`)}
              </option>
            ))}
          </Select>
          <Select name="department" defaultValue={filter.departmentId ? String(filter.departmentId) : ""} aria-label={t("channels.fields.department")} className="w-56">
            <OptionList items={deps} empty={`${t("channels.fields.department")}: ${all}`} />
          </Select>
          <Select name="sort" defaultValue={filter.sort} aria-label={t("channels.register.sort")} className="w-52">
            {CHANNEL_SORTS.map((s) => (
              <option key={s} value={s}>
                {t("channels.register.sort")}: {t(`channels.register.sorts.${s}`)}
              </option>
            ))}
          </Select>
          <Select name="dir" defaultValue={filter.dir} aria-label={t("channels.register.sort")} className="w-36">
            <option value="asc">{t("channels.register.dir.asc")}</option>
            <option value="desc">{t("channels.register.dir.desc")}</option>
          </Select>
          <Button type="submit" variant="secondary">
            {t("common.actions.filter")}
          </Button>
        </form>
        {can(user.role, "channels:write") ? <LinkButton href="/channels/new">{t("channels.register.new")}</LinkButton> : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("channels.register.empty")} body={t("channels.register.emptyHint")} />
      ) : (
        <Table aria-label={t("channels.register.results")}>
          <thead>
            <tr>
              <Th>{t("channels.fields.name")}</Th>
              <Th>{t("channels.fields.platform")}</Th>
              <Th>{t("channels.fields.status")}</Th>
              <Th>{t("channels.fields.owningDepartment")}</Th>
              <Th>{t("channels.fields.owner")}</Th>
              <Th>{t("channels.fields.deputy")}</Th>
              <Th>{t("channels.fields.nextReviewOn")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link href={`/channels/${c.id}`} className="font-medium text-blue-800 hover:underline">
                    {c.name}
                  </Link>
                  {c.handle ? <div className="text-xs text-slate-600">{c.handle}</div> : null}
                </Td>
                <Td>{t(`channels.platforms.${c.platform}`)}</Td>
                <Td>
                  <ChannelStatusBadge status={c.status} />
                </Td>
                <Td>
                  {c.owningDepartmentSlug ? (
                    <Link href={`/departments/${c.owningDepartmentSlug}`} className="text-blue-800 hover:underline">
                      {c.owningDepartmentName}
                    </Link>
                  ) : (
                    t("common.states.none")
                  )}
                  {c.responsibility && filter.departmentId ? (
                    <div className="text-xs text-slate-600">{t(`channels.responsibilities.${c.responsibility}`)}</div>
                  ) : null}
                </Td>
                <Td>{c.ownerName ?? <span className="text-slate-600">{t("channels.register.nobody")}</span>}</Td>
                <Td>{c.deputyName ?? <span className="text-slate-600">{t("channels.register.nobody")}</span>}</Td>
                <Td>
                  {c.nextReviewOn ? format.dateTime(dayAsDate(c.nextReviewOn), { dateStyle: "medium" }) : t("common.states.none")}
                  {isReviewOverdue(c, today) ? (
                    <div>
                      <Badge tone="red">{t("channels.register.overdue")}</Badge>
                    </div>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        basePath="/channels"
        params={{ q: filter.q, platform: filter.platform, status: filter.status, department: param(sp, "department"), sort: filter.sort, dir: filter.dir }}
      />
    </div>
  );
}
