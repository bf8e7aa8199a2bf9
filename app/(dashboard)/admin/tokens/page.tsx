import { getFormatter, getTranslations } from "next-intl/server";
import { RevokeTokenButton } from "@/components/admin/revoke-token-button";
import { TokenCreateForm } from "@/components/admin/token-create-form";
import { Badge, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listApiTokens } from "@/db/queries/api-tokens";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParam } from "@/lib/search-params";
import { sectionPageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => sectionPageTitle("admin.tabs.tokens", "admin.title");

export default async function TokensPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("admin:tokens");
  const { rows, total, page, pageSize } = await listApiTokens(await getDb(), { page: pageParam(await searchParams) });
  const t = await getTranslations("admin.tokens");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-slate-600">{t("lead")}</p>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div>
          {rows.length === 0 ? (
            <EmptyState title={t("empty")} body={t("emptyHint")} />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("prefix")}</Th>
                  <Th>{t("scopes")}</Th>
                  <Th>{t("createdAt")}</Th>
                  <Th>{t("lastUsed")}</Th>
                  <Th>{t("status")}</Th>
                  <Th>
                    <span className="sr-only">{t("revoke")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <Td className="font-medium">{r.name}</Td>
                    <Td>
                      <code className="text-xs">{r.prefix}…</code>
                    </Td>
                    <Td>{r.scopes.map((s) => (t.has(`scope.${s}`) ? t(`scope.${s}`) : s)).join(", ")}</Td>
                    <Td>
                      {when(r.createdAt)}
                      {r.createdByName ? <div className="text-xs text-slate-500">{r.createdByName}</div> : null}
                    </Td>
                    <Td>{when(r.lastUsedAt)}</Td>
                    <Td>
                      <Badge tone={r.revokedAt ? "slate" : "green"}>{r.revokedAt ? t("revoked") : t("active")}</Badge>
                    </Td>
                    <Td>{r.revokedAt ? null : <RevokeTokenButton id={r.id} name={r.name} />}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination page={page} pageSize={pageSize} total={total} basePath="/admin/tokens" params={{}} />
        </div>
        <TokenCreateForm />
      </div>
    </div>
  );
}
