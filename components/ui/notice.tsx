import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A status line after an action; errors are announced assertively, successes politely. */
export function Notice({ tone, children, className }: { tone: "success" | "error" | "info"; children: ReactNode; className?: string }) {
  const styles = {
    success: "border-green-300 bg-green-50 text-green-900",
    error: "border-red-300 bg-red-50 text-red-900",
    info: "border-blue-200 bg-blue-50 text-blue-900",
  };
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-notice={tone}
      className={cn("rounded-md border px-3 py-2 text-sm", styles[tone], className)}
    >
      {children}
    </div>
  );
}
