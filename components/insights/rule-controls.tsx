"use client";

import { useTranslations } from "next-intl";
import { deleteRuleAction, moveRuleAction, toggleRuleAction } from "@/app/(dashboard)/insights/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm } from "./action-form";
import { ruleLinkId } from "./focus";

/** Reorder and enable/disable as real buttons, so the list works by keyboard. */
export function RuleOrderControls({ id, name, first, last }: { id: number; name: string; first: boolean; last: boolean }) {
  const t = useTranslations("insights.rules");
  return (
    <div className="flex gap-1">
      {(["up", "down"] as const).map((direction) => (
        <ActionForm key={direction} action={moveRuleAction} success={t("moved", { name })} focusId={ruleLinkId(id)} className="inline">
          {() => (
            <>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="direction" value={direction} />
              <SubmitButton
                variant="secondary"
                size="icon"
                disabled={direction === "up" ? first : last}
                aria-label={t(direction === "up" ? "moveUp" : "moveDown", { name })}
                pendingText="…"
              >
                <span aria-hidden>{direction === "up" ? "↑" : "↓"}</span>
              </SubmitButton>
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

export function RuleToggle({ id, name, active }: { id: number; name: string; active: boolean }) {
  const t = useTranslations("insights.rules");
  return (
    <ActionForm action={toggleRuleAction} success={t(active ? "disabledDone" : "enabledDone", { name })} focusId={ruleLinkId(id)} className="inline">
      {() => (
        <>
          <input type="hidden" name="id" value={id} />
          {active ? null : <input type="hidden" name="active" value="on" />}
          <SubmitButton variant="secondary" size="sm" aria-label={`${t(active ? "disable" : "enable")}: ${name}`}>
            {t(active ? "disable" : "enable")}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RuleDelete({ id, name }: { id: number; name: string }) {
  const t = useTranslations("insights.rules");
  return (
    <ActionForm action={deleteRuleAction} success={t("saved")} focusId="main" confirm={t("deleteConfirm", { name })}>
      {() => (
        <>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="danger">{t("delete")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
