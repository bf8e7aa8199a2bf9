import { ClientMessages } from "@/components/i18n/client-messages";

export default function GuidelinesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="guidelines">{children}</ClientMessages>;
}
