import type { Executor } from "../client";
import { recordAudit } from "./audit";
import { readSetting, writeSetting } from "./settings";
import type { Role } from "@/lib/enums";
import { minGroupFor } from "@/lib/privacy/works-council";

const KEY = "privacy.works_council_mode";

/** Whether figures about people are limited to groups of at least five below the central unit. */
export async function getWorksCouncilMode(db: Executor): Promise<boolean> {
  return (await readSetting(db, KEY)) === true;
}

/** Switches the mode (admins, with the works council's agreement); audited. */
export async function setWorksCouncilMode(db: Executor, actorId: number, on: boolean) {
  await db.transaction(async (tx) => {
    const before = await getWorksCouncilMode(tx);
    await writeSetting(tx, KEY, on);
    if (before !== on) {
      await recordAudit(tx, { actorId, action: "privacy.works_council_mode", entityType: "privacy", before: { on: before }, after: { on } });
    }
  });
}

/** The smallest group whose figures `role` may see now; 0 means no limit. */
export async function minGroupOf(db: Executor, role: Role): Promise<number> {
  return minGroupFor(role, await getWorksCouncilMode(db));
}
