import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Td } from "@/components/ui/table";
import type { AuthorView, InsightStatus } from "@/db/queries/insights";
import type { InsightCategory, Sentiment } from "@/db/schema";

const STATUS_TONE: Record<InsightStatus, "slate" | "blue" | "amber" | "green" | "red"> = {
  triage: "amber",
  routed: "blue",
  accepted: "blue",
  resolved: "green",
  declined: "slate",
};

export function StatusBadge({ status }: { status: InsightStatus }) {
  const t = useTranslations("insights.status");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

const SENTIMENT_TONE: Record<Sentiment, "red" | "slate" | "green"> = { negative: "red", neutral: "slate", positive: "green" };

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  const t = useTranslations("insights.sentiment");
  return <Badge tone={SENTIMENT_TONE[sentiment]}>{t(sentiment)}</Badge>;
}

/** A handle for the central unit, an alias ("Autor-7F3A9C") for everyone else — decided in the data layer. */
export function AuthorLabel({ author }: { author: AuthorView }) {
  const t = useTranslations("insights.author");
  if (!author) return <span className="text-slate-500">{t("none")}</span>;
  if (author.kind === "handle") return <span>{author.value}</span>;
  return (
    <span title={t("aliasHint")} data-testid="author-alias">
      {t("alias", { code: author.value })}
    </span>
  );
}

/** The text (linked to the insight), category and sentiment cells every insight list shows. */
export function InsightSummaryCells({ id, text, category, sentiment }: { id: number; text: string; category: InsightCategory; sentiment: Sentiment }) {
  const t = useTranslations("insights");
  return (
    <>
      <Td className="max-w-md">
        <Link href={`/insights/${id}`} className="text-blue-800 hover:underline">
          {text}
        </Link>
      </Td>
      <Td>{t(`category.${category}`)}</Td>
      <Td>
        <SentimentBadge sentiment={sentiment} />
      </Td>
    </>
  );
}
