import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeleteWebhookButton, EnableWebhookButton } from "@/components/webhooks/webhook-row-actions";
import { WebhookCreateForm } from "@/components/webhooks/webhook-create-form";
import { Badge, EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { disabledWebhookEndpoints, listWebhookEndpoints } from "@/db/queries/webhooks";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => sectionPageTitle("admin.tabs.webhooks", "admin.title");

export default async function WebhooksPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("admin:tokens");
  const db = await getDb();
  const [{ rows, total, page, pageSize }, disabled] = await Promise.all([
    listWebhookEndpoints(db, { page: pageParam(await searchParams) }),
    disabledWebhookEndpoints(db),
  ]);
  const t = await getTranslations("admin.webhooks");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-slate-600">{t("lead")}</p>
      {disabled.length ? (
        <Notice tone="error">
          <p>{t("disabledBanner", { count: disabled.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {disabled.map((d) => (
              <li key={d.id} className="break-all">
                <Link className="underline" href={`/admin/webhooks/${d.id}`}>
                  {d.url}
                </Link>
                {d.disabledReason ? <span className="text-slate-700"> – {d.disabledReason}</span> : null}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0">
          {rows.length === 0 ? (
            <EmptyState title={t("empty")} body={t("emptyHint")} />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("url")}</Th>
                  <Th>{t("events")}</Th>
                  <Th>{t("status")}</Th>
                  <Th>{t("lastDelivery")}</Th>
                  <Th>
                    <span className="sr-only">{t("delete")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <Td className="max-w-64 break-all font-medium">
                      <Link className="text-blue-800 underline" href={`/admin/webhooks/${r.id}`}>
                        {r.url}
                      </Link>
                      {r.internalCrm ? (
                        <div>
                          <Badge tone="blue">{t("internalBadge")}</Badge>
                        </div>
                      ) : null}
                    </Td>
                    <Td>
                      <ul className="text-xs">
                        {r.events.map((e) => (
                          <li key={e}>
                            <code>{e}</code>
                          </li>
                        ))}
                      </ul>
                    </Td>
                    <Td>
                      <Badge tone={r.status === "active" ? "green" : "red"}>{t(r.status)}</Badge>
                    </Td>
                    <Td>
                      {r.lastDelivery ? (
                        <>
                          {t(`deliveryStatus.${r.lastDelivery.status}`)}
                          {r.lastDelivery.statusCode ? ` (${r.lastDelivery.statusCode})` : ""}
                          <div className="text-xs text-slate-600">{when(r.lastDelivery.at)}</div>
                        </>
                      ) : (
                        t("none")
                      )}
                    </Td>
                    <Td>
                      <div className="flex flex-col gap-2">
                        {r.status === "disabled" ? <EnableWebhookButton id={r.id} url={r.url} /> : null}
                        <DeleteWebhookButton id={r.id} url={r.url} />
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination page={page} pageSize={pageSize} total={total} basePath="/admin/webhooks" params={{}} />
        </div>
        <WebhookCreateForm />
      </div>
    </div>
  );
}
