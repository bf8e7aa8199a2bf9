import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { removeAssignmentAction } from "../actions";
import { AssignmentForm } from "@/components/channels/assignment-form";
import { ChannelStatusBadge, GapBadges } from "@/components/channels/channel-badges";
import { ChannelHistory } from "@/components/channels/channel-history";
import { ConnectorForm } from "@/components/connectors/connector-form";
import { ConnectorList } from "@/components/connectors/connector-list";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { listConnectors } from "@/db/queries/connectors";
import { listDepartments } from "@/db/queries/departments";
import { STRATEGY_KEYS } from "@/lib/channels/constants";
import { channelGaps, dayAsDate, isoDay } from "@/lib/channels/gaps";
import { canEditStrategy } from "@/lib/channels/rules";
import { appUrl } from "@/lib/env";
import { INSIGHT_CATEGORIES } from "@/lib/enums";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";
import { loadChannel } from "./load";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { channel } = await loadChannel((await params).id);
  return namedPageTitle(channel.name, "channels.title");
}

export default async function ChannelPage({ params, searchParams }: Props) {
  const { user, db, channel } = await loadChannel((await params).id);
  const deps = await listDepartments(db);
  const t = await getTranslations();
  const format = await getFormatter();
  const writer = can(user.role, "channels:write");
  const connectorManager = can(user.role, "connectors:manage");
  const connectorRows = connectorManager ? (await listConnectors(db, { channelId: channel.id, pageSize: 100 })).rows : [];
  const gaps = channelGaps(
    { ...channel, ownerActive: channel.owner?.active ?? null, deputyActive: channel.deputy?.active ?? null },
    channel.assignments.map((a) => ({ ...a, channelId: channel.id })),
    isoDay(),
  );
  const person = (p: typeof channel.owner) =>
    p ? `${p.name}${p.active ? "" : ` (${t("admin.users.statusInactive")})`}` : t("channels.register.nobody");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 className="flex items-center gap-3 text-xl font-semibold text-slate-900">
            {channel.name} <ChannelStatusBadge status={channel.status} />
          </h2>
          <GapBadges gaps={gaps} />
        </div>
        {writer ? (
          <LinkButton href={`/channels/${channel.id}/edit`}>{t("channels.detail.edit")}</LinkButton>
        ) : canEditStrategy(user, channel.owningDepartmentId) ? (
          <LinkButton href={`/channels/${channel.id}/edit`}>{t("channels.detail.editStrategy")}</LinkButton>
        ) : null}
      </div>
      {channel.status === "retired" ? <Notice tone="info">{t("channels.detail.retiredNote")}</Notice> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h3 className="mb-3 font-medium text-slate-900">{t("channels.detail.masterData")}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("channels.fields.platform")}</dt>
            <dd>{t(`channels.platforms.${channel.platform}`)}</dd>
            <dt className="text-slate-600">{t("channels.fields.handle")}</dt>
            <dd>{channel.handle ?? t("common.states.none")}</dd>
            <dt className="text-slate-600">{t("channels.fields.url")}</dt>
            <dd className="break-all">
              {channel.url ? (
                <a href={channel.url} className="text-blue-800 hover:underline" rel="noopener noreferrer" target="_blank">
                  {channel.url}
                </a>
              ) : (
                t("common.states.none")
              )}
            </dd>
            <dt className="text-slate-600">{t("channels.fields.owner")}</dt>
            <dd>{person(channel.owner)}</dd>
            <dt className="text-slate-600">{t("channels.fields.deputy")}</dt>
            <dd>{person(channel.deputy)}</dd>
            <dt className="text-slate-600">{t("channels.fields.nextReviewOn")}</dt>
            <dd>{channel.nextReviewOn ? format.dateTime(dayAsDate(channel.nextReviewOn), { dateStyle: "long" }) : t("common.states.none")}</dd>
          </dl>
        </Card>
        <Card>
          <h3 className="mb-3 font-medium text-slate-900">{t("channels.strategy.title")}</h3>
          <dl className="space-y-3 text-sm">
            {STRATEGY_KEYS.map((key) => (
              <div key={key}>
                <dt className="font-medium text-slate-800">{t(`channels.strategy.${key}`)}</dt>
                <dd className="whitespace-pre-line text-slate-700">{channel[key] ?? <em>{t("channels.strategy.unanswered")}</em>}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>

      <Card className="space-y-4">
        <h3 className="font-medium text-slate-900">{t("channels.detail.assignments")}</h3>
        {channel.assignments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("channels.detail.noAssignments")}</p>
        ) : (
          <Table aria-label={t("channels.detail.assignments")}>
            <thead>
              <tr>
                <Th>{t("channels.fields.department")}</Th>
                <Th>{t("channels.detail.responsibility")}</Th>
                {writer ? <Th className="sr-only">{t("channels.detail.remove")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {channel.assignments.map((a) => (
                <tr key={a.departmentId}>
                  <Td>
                    <Link href={`/departments/${a.departmentSlug}`} className="text-blue-800 hover:underline">
                      {a.departmentName}
                    </Link>
                  </Td>
                  <Td>{t(`channels.responsibilities.${a.responsibility}`)}</Td>
                  {writer ? (
                    <Td className="text-right">
                      <ActionButtonForm
                        action={removeAssignmentAction}
                        fields={{ channelId: channel.id, departmentId: a.departmentId }}
                        label={t("channels.detail.remove")}
                        ariaLabel={t("channels.detail.removeLabel", { department: a.departmentName })}
                        confirm={t("channels.detail.removeConfirm", { department: a.departmentName })}
                      />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {writer ? <AssignmentForm channelId={channel.id} departments={deps.map((d) => ({ id: d.id, name: d.name }))} /> : null}
      </Card>

      {connectorManager ? (
        <Card className="space-y-4" aria-labelledby="connectors-title">
          <div>
            <h3 id="connectors-title" className="font-medium text-slate-900">
              {t("connectors.section.title")}
            </h3>
            <p className="text-sm text-slate-600">{t("connectors.section.lead")}</p>
          </div>
          <ConnectorList channelId={channel.id} connectors={connectorRows} />
          <ConnectorForm channelId={channel.id} receiveBase={appUrl()} categories={INSIGHT_CATEGORIES.map((c) => ({ value: c, label: t(`insights.category.${c}`) }))} />
        </Card>
      ) : null}

      <ChannelHistory channelId={channel.id} searchParams={await searchParams} />
    </div>
  );
}
