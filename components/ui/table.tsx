import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { ScrollRegion } from "./scroll-region";

/**
 * A data table in a box that scrolls sideways when it is wider than the screen (keyboard-reachable then).
 * With `cards`, each row is a card on a phone instead (app/globals.css, `.table-cards`): one markup
 * for both widths, so a long list is rendered once, not once as a table and once as cards. Its cells
 * say what they are there: `data-card="lead"` (first, full width), `"tag"` (a line of badges),
 * `"select"` (the row's checkbox, top left) or a `data-label` shown before the value; a row header
 * (`<Th scope="row">`) heads its card. `cards="pairs"` sets each label apart from its value, as in a
 * list of figures.
 */
export function Table({
  className,
  scrollLabel,
  cards = false,
  ...props
}: ComponentProps<"table"> & { scrollLabel?: string; cards?: boolean | "pairs" }) {
  return (
    <ScrollRegion label={scrollLabel ?? props["aria-label"]} framelessBelowMd={!!cards}>
      <table className={cn("w-full text-left text-sm", cards && "table-cards", cards === "pairs" && "table-cards-pairs", className)} {...props} />
    </ScrollRegion>
  );
}
export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium text-slate-700", className)} {...props} />;
}
export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-top text-slate-800", className)} {...props} />;
}
