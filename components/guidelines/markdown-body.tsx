import { renderMarkdown } from "@/lib/guidelines/markdown";
import { cn } from "@/lib/utils";
import { PROSE } from "./prose";

/** Guideline text as readers see it; the HTML comes only from the sanitising renderer. */
export function MarkdownBody({ markdown, className }: { markdown: string; className?: string }) {
  return <div className={cn(PROSE, className)} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
