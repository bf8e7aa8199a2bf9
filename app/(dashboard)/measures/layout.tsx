import { ClientMessages } from "@/components/i18n/client-messages";

export default function MeasuresLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="measures">{children}</ClientMessages>;
}
