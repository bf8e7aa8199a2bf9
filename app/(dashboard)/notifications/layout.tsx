import { ClientMessages } from "@/components/i18n/client-messages";

export default function NotificationsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="notifications">{children}</ClientMessages>;
}
