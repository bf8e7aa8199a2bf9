"use client";

import { useState } from "react";
import { buttonVariants } from "@/components/ui/button-variants";
import { safeCallback, signInWithDirectory } from "@/lib/auth/browser";

/** "Mit Microsoft anmelden": sends the browser to the company directory's sign-in. */
export function SsoButton({
  label,
  pending: pendingLabel,
  failed,
  callbackUrl,
  secondary = false,
}: {
  label: string;
  pending: string;
  failed: string;
  /** The raw `callbackUrl` query parameter; only a same-site path is followed. */
  callbackUrl: string | null;
  secondary?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState(false);
  async function start() {
    setPending(true);
    setError(false);
    const ok = await signInWithDirectory(safeCallback(callbackUrl, window.location.origin));
    if (!ok) {
      setError(true);
      setPending(false);
    }
  }
  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {failed}
        </p>
      ) : null}
      <button
        type="button"
        onClick={start}
        disabled={pending}
        aria-busy={pending}
        className={buttonVariants({ variant: secondary ? "secondary" : "primary", className: "w-full" })}
      >
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
