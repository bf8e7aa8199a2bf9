import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/guidelines/diff-view";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { getDb } from "@/db";
import { getGuideline } from "@/db/queries/guidelines";
import { requirePagePermission } from "@/lib/auth/session";
import { seesWorkInProgress } from "@/lib/guidelines/access";
import { signoffFunctionsOf } from "@/db/queries/users";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { cache } from "react";
import { wordDiff } from "@/lib/guidelines/diff";
import { intParam } from "@/lib/search-params";

function VersionSelect({ name, label, value, options }: { name: string; label: string; value: number; options: { value: number; label: string }[] }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <Select name={name} defaultValue={String(value)} className="w-44">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

type SP = Promise<Record<string, string | string[] | undefined>>;

/** The versions this person may read: like the guideline page, a signatory also those awaiting them. */
const load = cache(async (id: string) => {
  const user = await requirePagePermission("guidelines:read");
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const work = seesWorkInProgress(user.role);
  const signer = work ? undefined : { id: user.id, signoffFunctions: await signoffFunctionsOf(db, user.id) };
  const g = await getGuideline(db, Number(id), { publishedOnly: !work, signer });
  if (!g || g.versions.length === 0) notFound();
  return g;
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const g = await load((await params).id);
  return namedPageTitle(g.title, "guidelines.diffKind");
}

export default async function GuidelineDiffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SP }) {
  const g = await load((await params).id);
  const sp = await searchParams;
  const t = await getTranslations("guidelines");
  // Versions the reader may see, newest first; by default the newest against the one before it.
  const numbers = g.versions.map((v) => v.version);
  const to = numbers.includes(intParam(sp, "to") ?? -1) ? intParam(sp, "to")! : numbers[0];
  const from = numbers.includes(intParam(sp, "from") ?? -1) ? intParam(sp, "from")! : (numbers.find((n) => n < to) ?? to);
  const options = numbers.map((n) => ({ value: n, label: t("versionNo", { version: n }) }));
  const a = g.versions.find((v) => v.version === from)!;
  const b = g.versions.find((v) => v.version === to)!;

  return (
    <>
      <PageHeader title={t("diff.title", { title: g.title })} lead={t("diff.lead")} />
      <p className="mb-4">
        <Link href={`/guidelines/${g.id}`} className="text-sm text-blue-800 underline">
          {t("backToGuideline")}
        </Link>
      </p>
      <form className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("diff.choose")}>
        <VersionSelect name="from" label={t("diff.from")} value={from} options={options} />
        <VersionSelect name="to" label={t("diff.to")} value={to} options={options} />
        <Button type="submit" variant="secondary">
          {t("diff.show")}
        </Button>
      </form>
      <h2 className="mb-3 text-lg font-semibold">{t("diff.heading", { from, to })}</h2>
      {from === to ? <EmptyState title={t("diff.same")} /> : <DiffView diff={wordDiff(a.bodyMd, b.bodyMd)} />}
    </>
  );
}
