"use client";

import { useState } from "react";
import { signOutEverywhereAction } from "@/app/actions/session";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/browser";

export function SignOutEverywhereButton({ label, confirm, failed }: { label: string; confirm: string; failed: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState(false);

  async function onClick() {
    if (!window.confirm(confirm)) return;
    setPending(true);
    setError(false);
    const result = await signOutEverywhereAction(undefined, {}).catch(() => null);
    if (!result?.ok) {
      setPending(false);
      setError(true);
      return;
    }
    // Every session is already void on the server; this drops this browser's cookie.
    if (!(await signOut("/login"))) window.location.assign("/login");
  }

  return (
    <>
      <Button variant="secondary" size="sm" className="w-full" disabled={pending} onClick={onClick}>
        {label}
      </Button>
      {error ? (
        <p role="alert" aria-label="error" className="text-sm text-red-700">
          {failed}
        </p>
      ) : null}
    </>
  );
}
