"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * Keeps a live page current: re-renders it from the server every `seconds` while the tab is
 * visible (and at once when it becomes visible again), and says when it last did.
 */
export function AutoRefresh({ seconds = 30 }: { seconds?: number }) {
  const router = useRouter();
  const t = useTranslations("crisis.room");
  const [at, setAt] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState !== "visible") return;
      router.refresh();
      setAt(new Date());
    };
    const timer = window.setInterval(tick, seconds * 1000);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [router, seconds]);
  return (
    <p className="text-xs text-slate-600">
      {t("live", { seconds })}
      {at ? ` · ${t("refreshedAt", { time: at.toLocaleTimeString() })}` : null}
    </p>
  );
}
