import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type ClientArea, pickClientMessages } from "@/lib/i18n/client-messages";

/**
 * The client translations of one part of the dashboard: only its namespaces travel to the
 * browser (lib/i18n/client-messages.ts). An inner one replaces the outer one's messages for its
 * subtree; locale, time zone and formats come from the request as before.
 */
export async function ClientMessages({ area, children }: { area: ClientArea; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickClientMessages(messages, area)}>{children}</NextIntlClientProvider>;
}
