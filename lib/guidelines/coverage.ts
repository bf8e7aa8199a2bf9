/**
 * Acknowledgment coverage: per department, the share of affected active users who acknowledged
 * the current published version. Names of pending people are carried separately so callers can
 * leave them out for roles that may only see aggregates.
 */

export interface CoverageUser {
  id: number;
  name: string;
  departmentId: number | null;
  departmentName: string | null;
}

export interface DepartmentCoverage {
  departmentId: number | null;
  departmentName: string | null;
  total: number;
  acknowledged: number;
  /** 0..1; 1 for a department with nobody affected, so an empty group is never shown as a gap. */
  share: number;
  pending: { id: number; name: string }[];
  /** Works-council mode: a group too small to show; its numbers are zero and its names empty. */
  suppressed?: boolean;
}

export interface Coverage {
  total: number;
  acknowledged: number;
  share: number;
  departments: DepartmentCoverage[];
  /** Works-council mode: the totals are hidden too (they would give a small group away by subtraction). */
  suppressed?: boolean;
}

function share(acknowledged: number, total: number): number {
  return total === 0 ? 1 : acknowledged / total;
}

export function computeCoverage(affected: readonly CoverageUser[], acknowledgedIds: ReadonlySet<number>): Coverage {
  const groups = new Map<number | null, DepartmentCoverage>();
  for (const u of affected) {
    let g = groups.get(u.departmentId);
    if (!g) {
      g = { departmentId: u.departmentId, departmentName: u.departmentName, total: 0, acknowledged: 0, share: 0, pending: [] };
      groups.set(u.departmentId, g);
    }
    g.total++;
    if (acknowledgedIds.has(u.id)) g.acknowledged++;
    else g.pending.push({ id: u.id, name: u.name });
  }
  const departments = [...groups.values()]
    .map((g) => ({ ...g, share: share(g.acknowledged, g.total), pending: g.pending.sort((a, b) => a.name.localeCompare(b.name, "de")) }))
    // People without a department come last; the rest alphabetically.
    .sort((a, b) =>
      a.departmentName === null ? 1 : b.departmentName === null ? -1 : a.departmentName.localeCompare(b.departmentName, "de"),
    );
  const total = affected.length;
  const acknowledged = departments.reduce((n, d) => n + d.acknowledged, 0);
  return { total, acknowledged, share: share(acknowledged, total), departments };
}

/** The same numbers without anyone's name, for roles that see only aggregates. */
export function withoutNames(c: Coverage): Coverage {
  return { ...c, departments: c.departments.map((d) => ({ ...d, pending: [] })) };
}

/**
 * Works-council mode: hides every group of fewer than `min` people (numbers and names), and the
 * totals when the hidden groups together are fewer than `min` as well — shown totals minus the
 * shown groups would otherwise reveal them. `min` 0 or 1 changes nothing.
 */
export function suppressSmallGroups(c: Coverage, min: number): Coverage {
  if (min <= 1) return c;
  let hidden = 0;
  const departments = c.departments.map((d) => {
    if (d.total >= min) return d;
    hidden += d.total;
    return { ...d, total: 0, acknowledged: 0, share: 0, pending: [], suppressed: true };
  });
  const hideTotals = c.total < min || (hidden > 0 && hidden < min);
  return hideTotals ? { total: 0, acknowledged: 0, share: 0, departments, suppressed: true } : { ...c, departments };
}
