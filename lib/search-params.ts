/** Reads one query parameter the way Next passes them (string | string[] | undefined). */
export function param(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === "" ? undefined : s;
}

export function pageParam(sp: Record<string, string | string[] | undefined>): number {
  const n = Number.parseInt(param(sp, "page") ?? "1", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 100_000) : 1;
}

export function intParam(sp: Record<string, string | string[] | undefined>, key: string): number | undefined {
  const raw = param(sp, key);
  if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
  return Number(raw);
}

export function enumParam<T extends string>(
  sp: Record<string, string | string[] | undefined>,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const raw = param(sp, key);
  return raw && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}
