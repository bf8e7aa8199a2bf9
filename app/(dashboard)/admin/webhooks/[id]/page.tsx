import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EnableWebhookButton, RedeliverButton } from "@/components/webhooks/webhook-row-actions";
import { Badge, EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/db/queries/webhooks";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => sectionPageTitle("admin.webhooks.deliveries", "admin.title");

const TONE = { pending: "amber", succeeded: "green", failed: "red" } as const;

export default async function WebhookDeliveriesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SP }) {
  await requirePagePermission("admin:tokens");
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  const db = await getDb();
  const endpoint = await getWebhookEndpoint(db, id);
  if (!endpoint) notFound();
  const { rows, total, page, pageSize } = await listWebhookDeliveries(db, id, { page: pageParam(await searchParams) });
  const t = await getTranslations("admin.webhooks");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="space-y-4">
      <Link className="text-sm text-blue-800 underline" href="/admin/webhooks">
        ← {t("backToList")}
      </Link>
      <h2 className="break-all text-lg font-medium">
        {t("deliveries")}: {endpoint.url}
      </h2>
      <p>
        <Badge tone={endpoint.status === "active" ? "green" : "red"}>{t(endpoint.status)}</Badge>
      </p>
      {endpoint.status === "disabled" ? (
        <Notice tone="error">
          <p className="break-words">{endpoint.disabledReason}</p>
          <div className="mt-2">
            <EnableWebhookButton id={endpoint.id} url={endpoint.url} />
          </div>
        </Notice>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t("deliveriesEmpty")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("eventType")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("attemptAt")}</Th>
              <Th>{t("statusCode")}</Th>
              <Th>{t("duration")}</Th>
              <Th>{t("error")}</Th>
              <Th>
                <span className="sr-only">{t("redeliver")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const last = d.log[0];
              return (
                <tr key={d.id}>
                  <Td>
                    <code className="text-xs">{d.eventType}</code>
                    <div className="break-all text-xs text-slate-600">{d.eventId}</div>
                  </Td>
                  <Td>
                    <Badge tone={TONE[d.status]}>{t(`deliveryStatus.${d.status}`)}</Badge>
                    <div className="text-xs text-slate-600">
                      {t("attempts")}: {d.attempts}
                    </div>
                    {d.status === "pending" && d.nextAttemptAt ? (
                      <div className="text-xs text-slate-600">
                        {t("nextAttempt")}: {when(d.nextAttemptAt)}
                      </div>
                    ) : null}
                  </Td>
                  <Td>{last ? when(last.attemptedAt) : "–"}</Td>
                  <Td>{last?.statusCode ?? "–"}</Td>
                  <Td>{last ? t("durationMs", { ms: last.durationMs }) : "–"}</Td>
                  <Td className="max-w-64 break-words text-xs">
                    {last?.error ?? ""}
                    {d.log.length > 1 ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-slate-700">{t("earlierAttempts", { count: d.log.length - 1 })}</summary>
                        <ul className="mt-1 space-y-1">
                          {d.log.slice(1).map((a, i) => (
                            <li key={i}>
                              {when(a.attemptedAt)} · {a.statusCode ?? "–"} · {t("durationMs", { ms: a.durationMs })}
                              {a.error ? ` · ${a.error}` : ""}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </Td>
                  <Td>{d.status !== "pending" && endpoint.status === "active" ? <RedeliverButton id={d.id} label={d.eventId} /> : null}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath={`/admin/webhooks/${id}`} params={{}} />
    </div>
  );
}
