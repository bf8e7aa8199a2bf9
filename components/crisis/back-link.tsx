import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The way back above a crisis page's heading: to the crisis list or the playbooks. */
export async function BackLink({ href, label }: { href: string; label: string }) {
  const t = await getTranslations("crisis.room");
  return (
    <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
      <Link href={href} className="text-blue-800 underline-offset-2 hover:underline">
        {label}
      </Link>
    </nav>
  );
}
