import { ClientMessages } from "@/components/i18n/client-messages";

export default function ProfileLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="profile">{children}</ClientMessages>;
}
