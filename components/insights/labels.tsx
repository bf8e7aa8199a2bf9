import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Td } from "@/components/ui/table";
import { Highlighted } from "./highlighted";
import type { AuthorView, InsightStatus } from "@/db/queries/insights";
import type { InsightCategory, Sentiment } from "@/db/schema";

const STATUS_TONE: Record<InsightStatus, "slate" | "blue" | "amber" | "green" | "red"> = {
  triage: "amber",
  routed: "blue",
  accepted: "blue",
  resolved: "green",
  declined: "slate",
  no_action: "slate",
  spam: "slate",
};

export function StatusBadge({ status }: { status: InsightStatus }) {
  const t = useTranslations("insights.status");
  return <Badge tone={STATUS_TONE[status]} className="whitespace-nowrap">{t(status)}</Badge>;
}

const SENTIMENT_TONE: Record<Sentiment, "red" | "slate" | "green"> = { negative: "red", neutral: "slate", positive: "green" };

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  const t = useTranslations("insights.sentiment");
  return <Badge tone={SENTIMENT_TONE[sentiment]}>{t(sentiment)}</Badge>;
}

/**
 * A handle for the central unit, an alias ("Autor-7F3A9C") for everyone else — decided in the data
 * layer. Never broken across lines; a very long handle is cut with an ellipsis and shown in full on hover.
 */
export function AuthorLabel({ author }: { author: AuthorView }) {
  const t = useTranslations("insights.author");
  if (!author) return <span className="text-slate-600">{t("none")}</span>;
  if (author.kind === "handle") {
    return (
      <span className="inline-block max-w-[16rem] truncate whitespace-nowrap align-bottom" title={author.value}>
        {author.value}
      </span>
    );
  }
  return (
    <span title={t("aliasHint")} data-testid="author-alias" className="whitespace-nowrap">
      {t("alias", { code: author.value })}
    </span>
  );
}

/** "×3 identisch": the same author sent the same text several times. */
export function IdenticalBadge({ count }: { count: number }) {
  const t = useTranslations("insights.list");
  if (count < 2) return null;
  return (
    <Badge tone="amber" className="ml-2 whitespace-nowrap" title={t("identicalHint", { count })} data-testid="identical">
      {t("identical", { count })}
    </Badge>
  );
}

/** The text linked to its insight, marked when the same author sent it more than once. */
export function InsightText({ id, text, identicalCount, highlight }: { id: number; text: string; identicalCount: number; highlight?: string }) {
  const t = useTranslations("insights");
  return (
    <>
      <Link href={`/insights/${id}`} className="text-blue-800 [overflow-wrap:anywhere] hover:underline">
        {/* An empty text is an insight its retention period (or an erasure request) anonymised. */}
        {text === "" ? <span className="italic">{t("anonymised")}</span> : <Highlighted text={text} query={highlight} />}
      </Link>
      <IdenticalBadge count={identicalCount} />
    </>
  );
}

/** The text (linked to the insight), category and sentiment cells every insight table shows. */
export function InsightSummaryCells({
  id,
  text,
  category,
  sentiment,
  identicalCount = 1,
  highlight,
}: {
  id: number;
  text: string;
  category: InsightCategory;
  sentiment: Sentiment;
  identicalCount?: number;
  /** A search query whose matches are marked in the text. */
  highlight?: string;
}) {
  const t = useTranslations("insights");
  // On a phone (`<Table cards>`) the text leads the card and category and sentiment sit on one line.
  return (
    <>
      <Td className="max-w-md" data-card="lead">
        <InsightText id={id} text={text} identicalCount={identicalCount} highlight={highlight} />
      </Td>
      <Td data-card="tag">{t(`category.${category}`)}</Td>
      <Td data-card="tag">
        <SentimentBadge sentiment={sentiment} />
      </Td>
    </>
  );
}
