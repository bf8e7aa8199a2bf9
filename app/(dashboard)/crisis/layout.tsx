import { ClientMessages } from "@/components/i18n/client-messages";

export default function CrisisLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="crisis">{children}</ClientMessages>;
}
