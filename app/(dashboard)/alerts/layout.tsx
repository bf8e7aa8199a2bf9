import { ClientMessages } from "@/components/i18n/client-messages";

export default function AlertsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="alerts">{children}</ClientMessages>;
}
