"use client";

import { createContext, useContext, type ReactNode } from "react";

/** `reference` is the raw message: it holds a `{digest}` placeholder that only the browser can fill. */
export type ErrorTexts = { title: string; body: string; retry: string; reference: string };

const ErrorTextsContext = createContext<ErrorTexts | null>(null);

/**
 * The root error page's texts, translated on the server. app/error.tsx is a client component under
 * the root layout; reading them from next-intl's client provider would put that provider (and its
 * message formatter) and every message on every route, the login page included.
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <ErrorTextsContext.Provider value={texts}>{children}</ErrorTextsContext.Provider>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(ErrorTextsContext);
  if (!texts) throw new Error("useErrorTexts needs an ErrorTextsProvider");
  return texts;
}
