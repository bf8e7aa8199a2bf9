import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { confirmReadAction, reportActionAction } from "./actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { briefingForRecipient } from "@/db/queries/briefings";
import { verifyBriefingToken } from "@/lib/crisis/briefing-link";
import { authSecret } from "@/lib/env";

export const dynamic = "force-dynamic";

type Params = Promise<{ token: string }>;
type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("crisis.brief");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * An advocate's briefing behind their personal link: no account, no navigation, nothing about
 * anyone else. Works without JavaScript (plain forms posting to server actions). The proxy answers
 * forged links with 403 and expired ones with 410 before this page runs; it checks again.
 */
export default async function BriefingPage({ params, searchParams }: { params: Params; searchParams: SP }) {
  const { token } = await params;
  const check = verifyBriefingToken(authSecret(), token, new Date());
  if (!check.ok) forbidden();
  const b = await briefingForRecipient(await getDb(), check.recipientId);
  if (!b) notFound();
  const t = await getTranslations("crisis.brief");
  const f = await getFormatter();
  const sp = await searchParams;
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const block = (title: string, text: string | null) =>
    text ? (
      <section className="space-y-1">
        <h2 className="font-semibold text-slate-900">{title}</h2>
        <p className="whitespace-pre-wrap break-words text-slate-800">{text}</p>
      </section>
    ) : null;
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-4 sm:p-8">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-blue-800">{t("kicker")}</p>
        <h1 className="mt-1 break-words text-2xl font-semibold text-slate-900">{b.crisisTitle}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("sentAt", { time: when(b.sentAt), until: when(b.expiresAt) })}</p>
      </div>
      {sp.done === "read" ? <Notice tone="success">{t("thanksRead")}</Notice> : null}
      {sp.done === "acted" ? <Notice tone="success">{t("thanksActed")}</Notice> : null}
      <Card className="space-y-4">
        {b.advocateName ? <p className="text-slate-800">{t("hello", { name: b.advocateName })}</p> : null}
        {block(t("what"), b.message)}
        {block(t("statement"), b.statement)}
        {block(t("dos"), b.dos)}
        {block(t("donts"), b.donts)}
        {b.links.length ? (
          <section className="space-y-1">
            <h2 className="font-semibold text-slate-900">{t("links")}</h2>
            <ul className="list-disc space-y-1 pl-5">
              {b.links.map((l) => (
                <li key={l} className="break-all">
                  <a href={l} className="text-blue-800 underline" rel="noopener noreferrer nofollow">
                    {l}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Card>
      <Card className="space-y-3">
        {b.readAt ? (
          <p className="text-sm text-slate-700">{t("readAt", { time: when(b.readAt) })}</p>
        ) : (
          <form action={confirmReadAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t("confirmRead")}</Button>
          </form>
        )}
      </Card>
      <Card>
        <form action={reportActionAction} className="space-y-3" id="report" aria-labelledby="report-title">
          <h2 id="report-title" className="font-semibold text-slate-900">
            {t("reportTitle")}
          </h2>
          <p className="text-sm text-slate-700">{b.actedAt ? t("reportedAt", { time: when(b.actedAt) }) : t("reportLead")}</p>
          {sp.error === "url" ? <Notice tone="error">{t("badUrl")}</Notice> : null}
          <input type="hidden" name="token" value={token} />
          <div className="space-y-1">
            <Label htmlFor="report-url">{t("url")}</Label>
            <Input id="report-url" name="url" type="url" inputMode="url" defaultValue={b.actionUrl ?? ""} required maxLength={2000} />
          </div>
          <div className="space-y-1">
            <Label htmlFor="report-note">{t("note")}</Label>
            <Textarea id="report-note" name="note" rows={3} defaultValue={b.actionNote ?? ""} maxLength={1000} />
          </div>
          <Button type="submit" variant="secondary">
            {t("report")}
          </Button>
        </form>
      </Card>
    </main>
  );
}
