"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * Open/closed state of a button that shows a panel (the user menu, the phone navigation): Escape
 * closes it and returns focus to the button; a click outside `root` closes it too.
 */
export function useDisclosure<R extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<R>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return {
    open,
    setOpen,
    root,
    /** Spread onto the button that toggles the panel. */
    buttonProps: { ref: button, type: "button" as const, "aria-expanded": open, "aria-controls": panelId, onClick: () => setOpen((o) => !o) },
    /** Spread onto the panel. */
    panelProps: { id: panelId, hidden: !open },
  };
}
