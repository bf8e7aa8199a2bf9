import { renderMarkdown } from "@/lib/guidelines/markdown";
import { cn } from "@/lib/utils";
import { PROSE } from "./prose";

/**
 * Guideline text as readers see it; the HTML comes only from the sanitising renderer. Its headings
 * start at h3: the page has its h1, the section holding the text its h2.
 */
export function MarkdownBody({ markdown, className }: { markdown: string; className?: string }) {
  return <div data-testid="guideline-text" className={cn(PROSE, className)} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown, { topHeading: 3 }) }} />;
}
