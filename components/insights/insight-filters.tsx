import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { insightCategoryEnum, insightStatusEnum, sentimentEnum } from "@/db/schema";

export interface FilterValues {
  status?: string;
  category?: string;
  sentiment?: string;
  channel?: string;
  department?: string;
  from?: string;
  to?: string;
  q?: string;
}

type Option = { id: number; name: string };

/** Plain GET form: filters live in the URL, so they can be bookmarked and work without JavaScript. */
export async function InsightFilters({ values, channels, departments }: { values: FilterValues; channels: Option[]; departments: Option[] | null }) {
  const t = await getTranslations("insights");
  const all = t("filters.all");
  return (
    <form role="search" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-2">
      {/* Filtering means looking at everything that matches, not only the triage queue. */}
      <input type="hidden" name="view" value="all" />
      <Input name="q" defaultValue={values.q} placeholder={t("filters.search")} aria-label={t("filters.search")} className="w-56" />
      <Select name="status" defaultValue={values.status ?? ""} aria-label={t("fields.status")} className="w-44">
        <option value="">{t("fields.status")}: {all}</option>
        {insightStatusEnum.enumValues.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </Select>
      <Select name="category" defaultValue={values.category ?? ""} aria-label={t("fields.category")} className="w-48">
        <option value="">{t("fields.category")}: {all}</option>
        {insightCategoryEnum.enumValues.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </Select>
      <Select name="sentiment" defaultValue={values.sentiment ?? ""} aria-label={t("fields.sentiment")} className="w-40">
        <option value="">{t("fields.sentiment")}: {all}</option>
        {sentimentEnum.enumValues.map((s) => (
          <option key={s} value={s}>
            {t(`sentiment.${s}`)}
          </option>
        ))}
      </Select>
      <Select name="channel" defaultValue={values.channel ?? ""} aria-label={t("fields.channel")} className="w-52">
        <option value="">{t("fields.channel")}: {all}</option>
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      {departments ? (
        <Select name="department" defaultValue={values.department ?? ""} aria-label={t("fields.department")} className="w-52">
          <option value="">{t("fields.department")}: {all}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      ) : null}
      <label className="text-sm">
        <span className="block font-medium text-slate-800">{t("filters.from")}</span>
        <Input type="date" name="from" defaultValue={values.from} className="w-40" />
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">{t("filters.to")}</span>
        <Input type="date" name="to" defaultValue={values.to} className="w-40" />
      </label>
      <button type="submit" className={buttonVariants({ variant: "secondary" })}>
        {t("filters.apply")}
      </button>
      <Link href="/insights" className={buttonVariants({ variant: "ghost" })}>
        {t("filters.reset")}
      </Link>
    </form>
  );
}
