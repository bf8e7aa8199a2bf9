import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlaybookForm } from "@/components/crisis/playbook-form";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { departmentKindOptions } from "@/lib/crisis/department-kinds";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("crisis.playbooks.new");

export default async function NewPlaybookPage() {
  await requirePagePermission("crisis:manage");
  const t = await getTranslations("crisis");
  return (
    <>
      <nav aria-label={t("room.breadcrumb")} className="mb-2 text-sm">
        <Link href="/crisis/playbooks" className="text-blue-800 underline-offset-2 hover:underline">
          {t("playbooks.title")}
        </Link>
      </nav>
      <PageHeader title={t("playbooks.new")} lead={t("playbooks.editLead")} />
      <PlaybookForm departmentKinds={await departmentKindOptions()} />
    </>
  );
}
