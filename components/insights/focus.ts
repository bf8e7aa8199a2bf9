/**
 * Moves focus to an element that survives the refresh after a server action (a heading with
 * tabIndex -1, a result region). The refreshed tree commits a moment after the action resolves and
 * may remove the button that had focus, dropping it to <body>; so focus is set now and set again
 * over the next second while it sits on <body> or on nothing. A second copy of the target (e.g. in
 * the phone layout) carries `data-focus-alt="<id>"`.
 */
export function focusAfterUpdate(id: string): void {
  if (typeof window === "undefined") return;
  const attempt = () => {
    // The same target may exist twice (table row from md up, card below): take the one on screen.
    const candidates = [document.getElementById(id), ...Array.from(document.querySelectorAll<HTMLElement>(`[data-focus-alt="${CSS.escape(id)}"]`))];
    const el = candidates.find((c): c is HTMLElement => !!c && c.getClientRects().length > 0);
    const lost = !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
    if (el && (lost || document.activeElement !== el)) el.focus({ preventScroll: false });
  };
  setTimeout(attempt, 0);
  for (const ms of [150, 400, 1000]) {
    setTimeout(() => {
      const a = document.activeElement;
      if (!a || a === document.body || !a.isConnected) attempt();
    }, ms);
  }
}

/** Focus targets that stay across the refresh after an action (plain constants, usable on the server). */
export const ACTIONS_HEADING_ID = "actions-title";
export const LIST_HEADING_ID = "list-title";
export const BULK_RESULT_ID = "bulk-result";
export const ruleLinkId = (id: number) => `rule-${id}`;
