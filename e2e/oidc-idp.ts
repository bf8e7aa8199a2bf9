import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The company directory of the end-to-end runs: a real OpenID Connect provider (the `oidc-provider`
 * package) on 127.0.0.1 at E2E_OIDC_PORT, where playwright.config.ts points the app's OIDC_ISSUER.
 * Its sign-in page is the package's development form, which takes any login name and password;
 * the login name selects one of `accounts` below. Each account's groups can be changed while it
 * runs (`setGroups`), as an IT department would in the directory.
 */
export interface DirectoryAccount {
  email: string;
  name: string;
  groups: string[];
}

export const OIDC_CLIENT = { id: "dashboard-e2e", secret: "e2e-oidc-client-secret-0123456789" } as const;

/** `appUrls`: the app servers that may sign in here (the suite's own, and any a spec starts). */
export async function startDirectory(accounts: Record<string, DirectoryAccount>, appUrls: string[] = []) {
  const port = Number(process.env.E2E_OIDC_PORT);
  const appUrl = process.env.E2E_APP_URL;
  if (!port || !appUrl) throw new Error("E2E_OIDC_PORT and E2E_APP_URL are not set (playwright.config.ts sets them)");
  const issuer = `http://127.0.0.1:${port}`;
  const { default: Provider } = await import("oidc-provider");
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [appUrl, ...appUrls].map((u) => `${u}/api/auth/callback/oidc`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // The app reads the ID token only (no userinfo call): the scopes' claims go into it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["e2e-directory-cookie-key"] },
    async findAccount(_ctx, sub) {
      const account = accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: true, name: account.name, groups: [...account.groups] };
        },
      };
    },
    // The company has consented for its people: no consent page after the sign-in form.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const existing = oidc.session?.grantIdFor(oidc.client!.clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    port: (server.address() as AddressInfo).port,
    setGroups(login: string, groups: string[]) {
      accounts[login].groups = groups;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
