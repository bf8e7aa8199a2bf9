import { ClientMessages } from "@/components/i18n/client-messages";

export default function KpisLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="kpis">{children}</ClientMessages>;
}
