import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { Button, LinkButton } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listAdvocates } from "@/db/queries/advocates";
import { requirePagePermission } from "@/lib/auth/session";
import type { ConsentState } from "@/lib/crisis/consent";
import { INSIGHT_LANGUAGES, PLATFORMS } from "@/lib/enums";
import { pageTitle } from "@/lib/i18n/page-title";
import { enumParam, pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("crisis.advocates.title");

const CONSENTS = ["valid", "expired", "revoked", "missing"] as const;
const TONE: Record<ConsentState, "green" | "amber" | "red" | "slate"> = { valid: "green", expired: "amber", revoked: "red", missing: "slate" };

export default async function AdvocatesPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("crisis:manage");
  const sp = await searchParams;
  const f = {
    consent: enumParam(sp, "consent", CONSENTS),
    platform: enumParam(sp, "platform", PLATFORMS),
    language: enumParam(sp, "language", INSIGHT_LANGUAGES),
    topic: typeof sp.topic === "string" ? sp.topic.trim().slice(0, 80) || undefined : undefined,
  };
  const { rows, total, page, pageSize } = await listAdvocates(await getDb(), { ...f, page: pageParam(sp) }, new Date());
  const t = await getTranslations("crisis");
  const tc = await getTranslations("channels");
  return (
    <>
      <BackLink href="/crisis" label={t("title")} />
      <PageHeader title={t("advocates.title")} lead={t("advocates.lead")} actions={<LinkButton href="/crisis/advocates/new">{t("advocates.new")}</LinkButton>} />
      {sp.deleted ? (
        <Notice tone="success" className="mb-4">
          {t("advocates.deleted")}
        </Notice>
      ) : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("advocates.filter")}>
        <div>
          <Label htmlFor="f-consent">{t("advocates.consent")}</Label>
          <Select id="f-consent" name="consent" defaultValue={f.consent ?? ""}>
            <option value="">{t("advocates.all")}</option>
            {CONSENTS.map((c) => (
              <option key={c} value={c}>
                {t(`advocates.consentStates.${c}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-platform">{t("advocates.platform")}</Label>
          <Select id="f-platform" name="platform" defaultValue={f.platform ?? ""}>
            <option value="">{t("advocates.all")}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {tc(`platforms.${p}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-language">{t("advocates.language")}</Label>
          <Select id="f-language" name="language" defaultValue={f.language ?? ""}>
            <option value="">{t("advocates.all")}</option>
            {INSIGHT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`advocates.languageNames.${l}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-topic">{t("advocates.topic")}</Label>
          <Input id="f-topic" name="topic" defaultValue={f.topic ?? ""} className="w-40" />
        </div>
        <Button type="submit" variant="secondary">
          {t("advocates.apply")}
        </Button>
      </form>
      {rows.length ? (
        <Table aria-label={t("advocates.title")}>
          <thead>
            <tr>
              <Th>{t("advocates.name")}</Th>
              <Th>{t("advocates.kind")}</Th>
              <Th>{t("advocates.platforms")}</Th>
              <Th>{t("advocates.languages")}</Th>
              <Th>{t("advocates.topics")}</Th>
              <Th>{t("advocates.consent")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <Td>
                  <Link href={`/crisis/advocates/${a.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {a.name}
                  </Link>
                </Td>
                <Td>{t(`advocates.kinds.${a.kind}`)}</Td>
                <Td className="break-words">{a.platforms.map((p) => `${tc(`platforms.${p.platform}` as "platforms.x")} ${p.handle}`).join(", ") || "–"}</Td>
                <Td>{a.languages.map((l) => l.toUpperCase()).join(", ") || "–"}</Td>
                <Td className="break-words">{a.topics.join(", ") || "–"}</Td>
                <Td>
                  <Badge tone={TONE[a.consent]}>{t(`advocates.consentStates.${a.consent}`)}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t("advocates.empty")} body={t("advocates.emptyBody")} />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/crisis/advocates" params={{ consent: f.consent, platform: f.platform, language: f.language, topic: f.topic }} />
    </>
  );
}
