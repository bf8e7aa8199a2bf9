"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  renewRecoveryCodesAction,
  startTwoFactorAction,
} from "@/app/(auth)/two-factor/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

type Codes = ActionResult<{ recoveryCodes: string[] }> | undefined;

/** The code field of every form here: digits from the app, or a recovery code where allowed. */
function CodeField({ errors, label }: { errors?: string[]; label: string }) {
  return (
    <Field label={label} errors={errors}>
      <Input name="code" inputMode="text" autoComplete="one-time-code" required maxLength={40} className="max-w-48 font-mono" />
    </Field>
  );
}

/** Recovery codes, shown once: a list to write down and a text file to keep. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("auth.twoFactor");
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 className="font-medium text-amber-950">{t("codesTitle")}</h2>
      <p className="text-sm text-amber-950">{t("codesHint")}</p>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm" aria-label={t("codesTitle")}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <a
        download="wiederherstellungscodes.txt"
        href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join("\n")}\n`)}`}
        className="inline-block text-sm font-medium text-blue-800 underline"
      >
        {t("codesDownload")}
      </a>
    </div>
  );
}

/** Setting up: a new secret as QR code and text, then the first code from the app switches it on. */
export function TwoFactorSetup() {
  const t = useTranslations("auth.twoFactor");
  const [started, start] = useActionState<ActionResult<{ secret: string; qr: string }> | undefined, FormData>(startTwoFactorAction, undefined);
  const [confirmed, confirm] = useActionState<Codes, FormData>(confirmTwoFactorAction, undefined);

  if (confirmed?.ok && confirmed.data) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("on")}
        </p>
        <RecoveryCodes codes={confirmed.data.recoveryCodes} />
        <a href="/" className="inline-block font-medium text-blue-800 underline">
          {t("continue")}
        </a>
      </div>
    );
  }
  if (!started?.ok || !started.data) {
    return (
      <form action={start} className="space-y-3">
        <ActionNotice state={started} />
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <SubmitButton>{t("start")}</SubmitButton>
      </form>
    );
  }
  const fe = confirmed && !confirmed.ok ? confirmed.fieldErrors : undefined;
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
      </ol>
      <img src={started.data.qr} alt={t("qrAlt")} width={192} height={192} className="rounded border border-slate-200" />
      <div className="text-sm">
        <p className="text-slate-700">{t("secretLabel")}</p>
        <p className="break-all font-mono text-slate-900" data-testid="totp-secret">
          {started.data.secret}
        </p>
      </div>
      <form action={confirm} className="space-y-3" noValidate>
        <ActionNotice state={confirmed} />
        <CodeField errors={fe?.code} label={t("codeFromApp")} />
        <SubmitButton>{t("confirm")}</SubmitButton>
      </form>
    </div>
  );
}

/** New recovery codes; the old ones stop working. */
export function RenewRecoveryCodes() {
  const t = useTranslations("auth.twoFactor");
  const [state, renew] = useActionState<Codes, FormData>(renewRecoveryCodesAction, undefined);
  if (state?.ok && state.data) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={renew} className="space-y-3" noValidate>
      <ActionNotice state={state} />
      <p className="text-sm text-slate-700">{t("renewHint")}</p>
      <CodeField errors={fe?.code} label={t("codeOrRecovery")} />
      <SubmitButton variant="secondary">{t("renew")}</SubmitButton>
    </form>
  );
}

/** Switching it off, with a current code, after a confirmation. */
export function DisableTwoFactor() {
  const t = useTranslations("auth.twoFactor");
  const router = useRouter();
  const [state, disable] = useActionState<ActionResult<{ off: boolean }> | undefined, FormData>(disableTwoFactorAction, undefined);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={disable}
      onSubmit={(e) => {
        if (!window.confirm(t("disableConfirm"))) e.preventDefault();
      }}
      className="space-y-3"
      noValidate
    >
      <ActionNotice state={state} success={t("off")} />
      <CodeField errors={fe?.code} label={t("codeOrRecovery")} />
      <SubmitButton variant="danger">{t("disable")}</SubmitButton>
    </form>
  );
}
