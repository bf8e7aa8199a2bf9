import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../client";
import { apiTokens, users } from "../schema";
import { recordAudit } from "./audit";
import { AppError } from "@/lib/errors";
import { type ApiScope, generateToken, hashToken, looksLikeToken } from "@/lib/api-tokens/tokens";

export interface ApiTokenDto {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(db: Executor, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
        createdByName: users.name,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdBy))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(apiTokens),
  ]);
  return { rows: rows as ApiTokenDto[], total, page, pageSize };
}

/** Returns the plain token exactly once; only its hash is stored. */
export async function createApiToken(db: Executor, actorId: number | null, input: { name: string; scopes: ApiScope[] }) {
  const { token, prefix } = generateToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ name: input.name, prefix, tokenHash: hashToken(token), scopes: input.scopes, createdBy: actorId })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, scopes: apiTokens.scopes });
    await recordAudit(tx, { actorId, action: "api_token.create", entityType: "api_token", entityId: row.id, after: row });
    return { ...row, token };
  });
}

export async function revokeApiToken(db: Executor, actorId: number | null, id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!row) throw new AppError("not_found", "token not found or already revoked");
    await recordAudit(tx, { actorId, action: "api_token.revoke", entityType: "api_token", entityId: id, after: row });
    return row;
  });
}

export interface TokenPrincipal {
  id: number;
  name: string;
  scopes: string[];
}

/** The token's identity, or null when unknown or revoked. Records use at most once a minute. */
export async function authenticateApiToken(db: Executor, token: string): Promise<TokenPrincipal | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.revokedAt) return null;
  const now = new Date();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
  return { id: row.id, name: row.name, scopes: row.scopes };
}
