import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { ScrollRegion } from "./scroll-region";

/** A data table in a box that scrolls sideways when it is wider than the screen (keyboard-reachable then). */
export function Table({ className, scrollLabel, ...props }: ComponentProps<"table"> & { scrollLabel?: string }) {
  return (
    <ScrollRegion label={scrollLabel ?? props["aria-label"]}>
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </ScrollRegion>
  );
}
export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium text-slate-700", className)} {...props} />;
}
export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-top text-slate-800", className)} {...props} />;
}
