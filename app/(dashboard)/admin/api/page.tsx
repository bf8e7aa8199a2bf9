import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ApiDocs, type OpenApiDoc } from "@/components/admin/api-docs";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { openApiDocument } from "@/lib/openapi";

export const generateMetadata = () => sectionPageTitle("admin.tabs.api", "admin.title");

/** The public API's documentation, rendered from the same OpenAPI document integrations download. */
export default async function ApiDocsPage() {
  await requirePagePermission("admin:tokens");
  const t = await getTranslations("admin.apiDocs");
  const h = await headers();
  const origin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : `http://${h.get("host") ?? "localhost"}`;
  const doc = openApiDocument(origin) as unknown as OpenApiDoc;
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2 text-slate-700">
        <p>{t("lead")}</p>
        <p className="text-sm">{doc.info.description}</p>
        <p>
          <a className="text-blue-800 underline" href="/api/v1/openapi.json">
            {t("download")}
          </a>
        </p>
      </div>
      <ApiDocs doc={doc} />
    </div>
  );
}
