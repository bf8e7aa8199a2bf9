"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { buttonVariants } from "@/components/ui/button-variants";
import { type LoginFailure, safeCallback, signInWithCredentials } from "@/lib/auth/browser";

/**
 * The interactive part of the login form. The login page renders the fields and the error notices
 * on the server and translates the texts there, so this page loads neither next-intl's client nor
 * the UI primitives' class merging (tailwind-merge); see app/(auth)/login/page.tsx.
 */
export function LoginForm({
  callbackUrl,
  notices,
  submit,
  submitting,
  code,
  children,
}: {
  /** The raw `callbackUrl` query parameter; only a same-site path is followed. */
  callbackUrl: string | null;
  notices: Record<LoginFailure, ReactNode>;
  submit: string;
  submitting: string;
  /** Label and hint of the second factor's field, shown once the server asks for it. */
  code: { label: string; hint: string };
  /** The e-mail and password fields. */
  children: ReactNode;
}) {
  const router = useRouter();
  const [error, setError] = useState<LoginFailure | null>(null);
  const [pending, setPending] = useState(false);
  // Accounts with two-factor authentication: the first answer asks for the code, and the form
  // sends e-mail, password and code together on the second submit.
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const target = safeCallback(callbackUrl, window.location.origin);
    const result = await signInWithCredentials(
      {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: askCode ? String(form.get("code") ?? "") : undefined,
        callbackUrl: target,
      },
      { origin: window.location.origin },
    );
    if (!result.ok) {
      if (result.error === "totp_required" || result.error === "invalid_code") setAskCode(true);
      setError(result.error);
      setPending(false);
      return;
    }
    // The start page ("/") sends each role to its home.
    router.replace(target);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? notices[error] : null}
      {children}
      {askCode ? (
        <div className="space-y-1">
          <label htmlFor="code" className="block text-sm font-medium text-slate-800">
            {code.label}
          </label>
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            maxLength={40}
            autoFocus
            aria-describedby="code-hint"
            // The classes of components/ui/input.tsx, written out: this page loads no class merging.
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm focus:border-blue-700 focus:outline-2 focus:outline-blue-700"
          />
          <p id="code-hint" className="text-xs text-slate-600">
            {code.hint}
          </p>
        </div>
      ) : null}
      <button type="submit" className={buttonVariants({ className: "w-full" })} disabled={pending} aria-busy={pending}>
        {pending ? submitting : submit}
      </button>
    </form>
  );
}
