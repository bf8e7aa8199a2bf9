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
  children,
}: {
  /** The raw `callbackUrl` query parameter; only a same-site path is followed. */
  callbackUrl: string | null;
  notices: Record<LoginFailure, ReactNode>;
  submit: string;
  submitting: string;
  /** The e-mail and password fields. */
  children: ReactNode;
}) {
  const router = useRouter();
  const [error, setError] = useState<LoginFailure | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const target = safeCallback(callbackUrl, window.location.origin);
    const result = await signInWithCredentials(
      { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), callbackUrl: target },
      { origin: window.location.origin },
    );
    if (!result.ok) {
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
      <button type="submit" className={buttonVariants({ className: "w-full" })} disabled={pending} aria-busy={pending}>
        {pending ? submitting : submit}
      </button>
    </form>
  );
}
