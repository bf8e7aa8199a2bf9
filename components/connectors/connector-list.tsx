import { getFormatter, getTranslations } from "next-intl/server";
import { deleteConnectorAction, pauseConnectorAction, runConnectorAction } from "@/app/(dashboard)/channels/connector-actions";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectorDto } from "@/db/queries/connectors";
import { POLLED_CONNECTOR_KINDS } from "@/lib/enums";

const STATUS_TONE = { ok: "green", failing: "amber", paused: "slate" } as const;

/** A channel's connectors: what each is, how it is doing, its last error in words, and its buttons. */
export async function ConnectorList({ channelId, connectors }: { channelId: number; connectors: ConnectorDto[] }) {
  const t = await getTranslations("connectors");
  const format = await getFormatter();
  if (!connectors.length) return <p className="text-sm text-slate-600">{t("list.empty")}</p>;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("list.never"));
  const errorText = (c: ConnectorDto) => (c.lastErrorCode && t.has(`fetchErrors.${c.lastErrorCode}`) ? t(`fetchErrors.${c.lastErrorCode}`) : c.lastError);
  return (
    <Table aria-label={t("list.title")}>
      <thead>
        <tr>
          <Th>{t("fields.name")}</Th>
          <Th>{t("list.status")}</Th>
          <Th>{t("list.lastRun")}</Th>
          <Th>{t("list.counts")}</Th>
          <Th className="sr-only">{t("list.actions")}</Th>
        </tr>
      </thead>
      <tbody>
        {connectors.map((c) => {
          const polled = (POLLED_CONNECTOR_KINDS as readonly string[]).includes(c.kind);
          return (
            <tr key={c.id}>
              <Td>
                <div className="font-medium text-slate-900">{c.name}</div>
                <div className="text-xs text-slate-600">{t(`kinds.${c.kind}`)}</div>
                {c.url ? <div className="max-w-xs break-all text-xs text-slate-600">{c.url}</div> : null}
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
                {c.status === "paused" && c.pausedReason === "failures" ? <div className="mt-1 text-xs text-slate-700">{t("list.pausedAfterFailures")}</div> : null}
                {c.lastErrorCode ? (
                  <div className="mt-1 max-w-xs text-xs text-red-800" data-testid="connector-error">
                    {errorText(c)}
                  </div>
                ) : null}
              </Td>
              <Td>
                <div>{when(c.lastRunAt)}</div>
                {polled && c.nextRunAt ? <div className="text-xs text-slate-600">{t("list.next", { at: when(c.nextRunAt) })}</div> : null}
              </Td>
              <Td>{t("list.totals", { created: c.totals.created, duplicates: c.totals.duplicates, runs: c.totals.runs })}</Td>
              <Td className="text-right">
                <div className="flex flex-wrap justify-end gap-2">
                  {polled && c.status !== "paused" ? (
                    <ActionButtonForm action={runConnectorAction} fields={{ id: c.id, channelId }} label={t("list.runNow")} ariaLabel={t("list.runNowLabel", { name: c.name })} />
                  ) : null}
                  <ActionButtonForm
                    action={pauseConnectorAction}
                    fields={{ id: c.id, channelId, paused: c.status === "paused" ? "false" : "true" }}
                    label={c.status === "paused" ? t("list.resume") : t("list.pause")}
                    ariaLabel={t(c.status === "paused" ? "list.resumeLabel" : "list.pauseLabel", { name: c.name })}
                  />
                  <ActionButtonForm
                    action={deleteConnectorAction}
                    fields={{ id: c.id, channelId }}
                    label={t("list.delete")}
                    ariaLabel={t("list.deleteLabel", { name: c.name })}
                    confirm={t("list.deleteConfirm", { name: c.name })}
                    variant="danger"
                  />
                </div>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
