"use server";

import { revalidatePath } from "next/cache";
import { createKpi, updateKpi } from "@/db/queries/kpis";
import { recordMeasurements } from "@/db/queries/measurements";
import { action } from "@/lib/actions";
import { todayIn } from "@/lib/kpis/periods";
import { measurementScope } from "@/lib/kpis/scope";
import { gridSchema, kpiInputFrom, kpiSchema, measurementSchema, updateKpiSchema } from "@/lib/schemas/kpis";

export const createKpiAction = action({
  permission: "kpis:write",
  schema: kpiSchema,
  run: async (input, { db, user }) => {
    const row = await createKpi(db, user.id, kpiInputFrom(input));
    revalidatePath("/kpis");
    return { id: row.id, name: row.name };
  },
});

export const updateKpiAction = action({
  permission: "kpis:write",
  schema: updateKpiSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateKpi(db, user.id, id, kpiInputFrom(input));
    revalidatePath("/kpis");
    revalidatePath(`/kpis/${id}`);
    return { id, name: input.name };
  },
});

export const recordMeasurementAction = action({
  permission: "measurements:write",
  schema: measurementSchema,
  run: async ({ kpiId, measuredOn, value }, { db, user }) => {
    const result = await recordMeasurements(
      db,
      { userId: user.id, scope: measurementScope(user) },
      [{ kpiId, measuredOn, value }],
      "manual",
      todayIn(),
    ).catch(renameItemErrors({ "items.0.measuredOn": "measuredOn", "items.0.value": "value" }));
    revalidatePath(`/kpis/${kpiId}`);
    return { stored: result.stored, alert: result.alerts[0] ?? null };
  },
});

export const recordGridAction = action({
  permission: "measurements:write",
  schema: gridSchema,
  run: async ({ measuredOn, items }, { db, user }) => {
    const result = await recordMeasurements(
      db,
      { userId: user.id, scope: measurementScope(user) },
      items.map((i) => ({ kpiId: i.kpiId, measuredOn, value: i.value })),
      "manual",
      todayIn(),
    ).catch(
      // A value outside its KPI's unit (a share above 100) is shown on its cell in the grid.
      renameItemErrors({ "items.0.measuredOn": "measuredOn", ...Object.fromEntries(items.map((it, n) => [`items.${n}.value`, `value.${it.row}`])) }),
    );
    revalidatePath("/kpis/grid");
    return { stored: result.stored, alerts: result.alerts.length };
  },
});

/** The data layer names fields of its item list; the forms have their own field names. */
function renameItemErrors(map: Record<string, string>) {
  return (err: unknown): never => {
    const fe = (err as { fieldErrors?: Record<string, string[]> })?.fieldErrors;
    if (fe) {
      for (const [from, to] of Object.entries(map)) {
        if (fe[from]) {
          fe[to] = fe[from];
          delete fe[from];
        }
      }
    }
    throw err;
  };
}
