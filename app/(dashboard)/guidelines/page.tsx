import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export default async function Page() {
  await requirePagePermission("guidelines:read");
  return <SectionPlaceholder section="guidelines" />;
}
