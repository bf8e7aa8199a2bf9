import { ClientMessages } from "@/components/i18n/client-messages";

export default function DepartmentsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="departments">{children}</ClientMessages>;
}
