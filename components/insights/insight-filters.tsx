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

/** Selects as wide as their longest option, so no label is cut off ("Stimmung: Al…"). */
const selectClass = "w-full sm:w-auto sm:max-w-[16rem]";

/** A visible label above each filter: the label never competes with the chosen value for space. */
function FilterField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="block min-w-0 text-sm">
      <span className="block font-medium text-slate-800">{label}</span>
      {children}
    </label>
  );
}

/** Plain GET form: filters live in the URL, so they can be bookmarked and work without JavaScript. */
export async function InsightFilters({ values, channels, departments }: { values: FilterValues; channels: Option[]; departments: Option[] | null }) {
  const t = await getTranslations("insights");
  const all = t("filters.allOption");
  return (
    <form role="search" aria-label={t("filters.label")} className="grid grid-cols-1 gap-2 sm:flex sm:flex-wrap sm:items-end">
      {/* Filtering means looking at everything that matches, not only the triage queue. */}
      <input type="hidden" name="view" value="all" />
      <FilterField label={t("filters.search")}>
        <Input name="q" defaultValue={values.q} className="w-full sm:w-56" />
      </FilterField>
      <FilterField label={t("fields.status")}>
        <Select name="status" defaultValue={values.status ?? ""} className={selectClass}>
          <option value="">{all}</option>
          {insightStatusEnum.enumValues.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label={t("fields.category")}>
        <Select name="category" defaultValue={values.category ?? ""} className={selectClass}>
          <option value="">{all}</option>
          {insightCategoryEnum.enumValues.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label={t("fields.sentiment")}>
        <Select name="sentiment" defaultValue={values.sentiment ?? ""} className={selectClass}>
          <option value="">{all}</option>
          {sentimentEnum.enumValues.map((s) => (
            <option key={s} value={s}>
              {t(`sentiment.${s}`)}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label={t("fields.channel")}>
        <Select name="channel" defaultValue={values.channel ?? ""} className={selectClass}>
          <option value="">{all}</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </FilterField>
      {departments ? (
        <FilterField label={t("fields.department")}>
          <Select name="department" defaultValue={values.department ?? ""} className={selectClass}>
            <option value="">{all}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </FilterField>
      ) : null}
      <FilterField label={t("filters.from")}>
        <Input type="date" name="from" defaultValue={values.from} className="w-full sm:w-40" />
      </FilterField>
      <FilterField label={t("filters.to")}>
        <Input type="date" name="to" defaultValue={values.to} className="w-full sm:w-40" />
      </FilterField>
      <div className="flex gap-2">
        <button type="submit" className={buttonVariants({ variant: "secondary" })}>
          {t("filters.apply")}
        </button>
        <Link href="/insights" className={buttonVariants({ variant: "ghost" })}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
