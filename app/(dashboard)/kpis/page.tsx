import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export default async function Page() {
  await requirePagePermission("kpis:read");
  return <SectionPlaceholder section="kpis" />;
}
