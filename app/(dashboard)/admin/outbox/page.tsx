import { getFormatter, getTranslations } from "next-intl/server";
import { TestMailButton } from "./test-mail-button";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { CursorPagination, InvalidCursorNotice } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listOutbox } from "@/db/queries/mail";
import { requirePagePermission } from "@/lib/auth/session";
import { appUrl, env } from "@/lib/env";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { OUTBOX_STATUSES, type OutboxStatus } from "@/lib/enums";
import { describeSmtp } from "@/lib/mail/transport";
import { cursorParams } from "@/lib/pagination/cursor";
import { param } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

const TONE: Record<OutboxStatus, "slate" | "green" | "yellow" | "red" | "blue"> = {
  queued: "yellow",
  sending: "blue",
  sent: "green",
  failed: "red",
  kept: "slate",
};

export const generateMetadata = () => sectionPageTitle("admin.tabs.outbox", "admin.title");

export default async function OutboxPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("admin:audit");
  const sp = await searchParams;
  const statusParam = param(sp, "status");
  const status = OUTBOX_STATUSES.find((s) => s === statusParam);
  const cursor = cursorParams(sp);
  const db = await getDb();
  const { rows, count, newer, older } = await listOutbox(db, { status, after: cursor.after, before: cursor.before });
  const t = await getTranslations();
  const format = await getFormatter();
  const smtp = describeSmtp(env.SMTP_URL);
  return (
    <div className="space-y-4">
      <section aria-labelledby="outbox-smtp" className="space-y-3">
        <h2 id="outbox-smtp" className="text-lg font-semibold">
          {t("admin.outbox.smtpTitle")}
        </h2>
        <Notice tone="info">
          {smtp.configured ? (
            <>
              {t("admin.outbox.smtpConfigured", { host: smtp.host!, port: smtp.port!, tls: t(smtp.secure ? "admin.outbox.tlsImplicit" : "admin.outbox.tlsStartTls") })}{" "}
              {smtp.user ? t("admin.outbox.smtpUser", { user: smtp.user }) : t("admin.outbox.smtpNoUser")}
            </>
          ) : (
            t("admin.outbox.smtpNotConfigured")
          )}{" "}
          <span className="break-all">{t("admin.outbox.fromAndLinks", { from: env.MAIL_FROM, appUrl: appUrl() })}</span>
        </Notice>
        <TestMailButton email={user.email} />
      </section>
      <section aria-labelledby="outbox-list" className="space-y-3">
        <h2 id="outbox-list" className="text-lg font-semibold">
          {t("admin.outbox.title")}
        </h2>
        {cursor.invalid ? <InvalidCursorNotice /> : null}
        <form className="flex flex-wrap items-end gap-2">
          <Select name="status" defaultValue={status ?? ""} aria-label={t("admin.outbox.status")} className="w-56">
            <option value="">
              {t("admin.outbox.status")}: {t("common.states.all")}
            </option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.outbox.statuses.${s}`)}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            {t("common.actions.filter")}
          </Button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={t(status ? "admin.outbox.emptyFiltered" : "admin.outbox.empty")} body={status ? undefined : t("admin.outbox.emptyBody")} />
        ) : (
          <Table aria-label={t("admin.outbox.title")}>
            <thead>
              <tr>
                <Th>{t("admin.outbox.time")}</Th>
                <Th>{t("admin.outbox.recipient")}</Th>
                <Th>{t("admin.outbox.subject")}</Th>
                <Th>{t("admin.outbox.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} data-outbox-mail={m.id}>
                  <Td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="break-all">
                    {m.toAddress}
                    <span className="block text-xs text-slate-600">{t(`common.languages.${m.locale}`)}</span>
                  </Td>
                  <Td className="min-w-64">
                    <span className="font-medium">{m.subject}</span>
                    <span className="block text-xs text-slate-600">
                      {t("admin.outbox.kind")}: <code>{m.kind}</code>
                    </span>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-blue-800">{t("admin.outbox.showText")}</summary>
                      <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-words">{m.textBody}</pre>
                    </details>
                  </Td>
                  <Td>
                    <Badge tone={TONE[m.status]}>{t(`admin.outbox.statuses.${m.status}`)}</Badge>
                    <span className="mt-1 block text-xs text-slate-600">
                      {m.sentAt
                        ? t("admin.outbox.sentAt", { time: format.dateTime(m.sentAt, { dateStyle: "medium", timeStyle: "short" }) })
                        : t("admin.outbox.attempts", { count: m.attempts })}
                    </span>
                    {m.lastError ? (
                      <span className="mt-1 block max-w-72 text-xs break-words text-red-800">
                        {t("admin.outbox.error")}: {m.lastError}
                      </span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <CursorPagination count={count} newer={newer} older={older} basePath="/admin/outbox" params={{ status }} />
      </section>
    </div>
  );
}
