import { ClientMessages } from "@/components/i18n/client-messages";

export default function OverviewLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="overview">{children}</ClientMessages>;
}
