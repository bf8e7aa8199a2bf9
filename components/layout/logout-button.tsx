"use client";

import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/browser";

export function LogoutButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" size="sm" className="w-full" onClick={() => signOut("/login")}>
      {label}
    </Button>
  );
}
