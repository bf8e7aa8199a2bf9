import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SsoDefaultRoleForm, SsoMappingForm, TwoFactorRolesForm } from "@/components/admin/sso-forms";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { DEFAULT_ROLE_CHOICES, getSsoDefaultRole, listGroupMappings } from "@/db/queries/sso";
import { totpRequiredRoles } from "@/db/queries/two-factor";
import { requirePagePermission } from "@/lib/auth/session";
import { appUrl, env, ssoEnabled } from "@/lib/env";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { deleteSsoMappingAction } from "./actions";

export const generateMetadata = () => sectionPageTitle("admin.tabs.sso", "admin.title");

/**
 * Single sign-on: how the company directory is connected (from the environment, read-only here)
 * and which of its groups grant which role and department (edited here).
 */
export default async function SsoPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("admin:users");
  const db = await getDb();
  const [mappings, deps, defaultRole, twoFactorRoles] = await Promise.all([
    listGroupMappings(db),
    listDepartments(db),
    getSsoDefaultRole(db),
    totpRequiredRoles(db),
  ]);
  const t = await getTranslations();
  const { edit } = await searchParams;
  const editing = typeof edit === "string" ? mappings.find((m) => String(m.id) === edit) : undefined;
  const callback = `${(env.NEXTAUTH_URL ?? appUrl()).replace(/\/+$/, "")}/api/auth/callback/oidc`;
  const config: [string, string][] = [
    [t("admin.sso.status"), ssoEnabled ? t("admin.sso.enabled") : t("admin.sso.disabled")],
    [t("admin.sso.issuer"), env.OIDC_ISSUER ?? "—"],
    [t("admin.sso.clientId"), env.OIDC_CLIENT_ID ?? "—"],
    [t("admin.sso.label"), env.OIDC_LABEL],
    [t("admin.sso.groupsClaim"), env.OIDC_GROUPS_CLAIM],
    [t("admin.sso.redirectUri"), callback],
    [t("admin.sso.localLogin"), t(`admin.sso.localLoginModes.${env.LOCAL_LOGIN}`)],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="min-w-0 space-y-6">
        <Card>
          <h2 className="text-lg font-medium">{t("admin.sso.configTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("admin.sso.configHint")}</p>
          <dl className="mt-4 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            {config.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium text-slate-700">{k}</dt>
                <dd className="break-all text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <section aria-labelledby="sso-mappings">
          <h2 id="sso-mappings" className="text-lg font-medium">
            {t("admin.sso.mappingsTitle")}
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">{t("admin.sso.mappingsHint")}</p>
          {mappings.length === 0 ? (
            <EmptyState title={t("admin.sso.empty")} body={t("admin.sso.emptyHint")} />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("admin.sso.group")}</Th>
                  <Th>{t("admin.sso.role")}</Th>
                  <Th>{t("admin.sso.department")}</Th>
                  <Th>
                    <span className="sr-only">{t("admin.sso.actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {mappings.map((m) => (
                  <tr key={m.id}>
                    <Td className="break-all font-mono text-xs">{m.groupName}</Td>
                    <Td>{t(`common.roles.${m.role}`)}</Td>
                    <Td>{m.departmentName ?? "—"}</Td>
                    <Td>
                      <div className="flex flex-wrap items-start justify-end gap-2">
                        <Link
                          href={`/admin/sso?edit=${m.id}`}
                          className="inline-flex h-8 items-center rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-900 hover:bg-slate-50"
                          aria-label={`${t("common.actions.edit")}: ${m.groupName}`}
                        >
                          {t("common.actions.edit")}
                        </Link>
                        <ActionButtonForm
                          action={deleteSsoMappingAction}
                          fields={{ id: m.id }}
                          label={t("admin.sso.remove")}
                          ariaLabel={`${t("admin.sso.remove")}: ${m.groupName}`}
                          confirm={t("admin.sso.removeConfirm", { group: m.groupName })}
                          variant="danger"
                        />
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </section>
      </div>
      <div className="min-w-0 space-y-6">
        <Card>
          <h2 className="mb-3 text-lg font-medium">{editing ? t("admin.sso.editTitle", { group: editing.groupName }) : t("admin.sso.newTitle")}</h2>
          <SsoMappingForm key={editing?.id ?? "new"} mapping={editing} departments={deps.map((d) => ({ id: d.id, name: d.name }))} />
          {editing ? (
            <Link href="/admin/sso" className="mt-3 inline-block text-sm text-blue-800 hover:underline">
              {t("admin.sso.cancelEdit")}
            </Link>
          ) : null}
        </Card>
        <Card>
          <SsoDefaultRoleForm current={defaultRole} choices={DEFAULT_ROLE_CHOICES} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-medium">{t("admin.sso.twoFactorTitle")}</h2>
          <TwoFactorRolesForm current={twoFactorRoles} />
        </Card>
      </div>
    </div>
  );
}
