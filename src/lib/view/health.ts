/**
 * What a team lead checks weekly: entries overdue for review, entries that one person
 * alone knows about, and models whose metrics have no objective to be held to. Computed
 * from the entries rather than from rule output, so the page stays complete even when a
 * team has turned one of those rules off.
 */
import { addDays, daysBetween, durationDays } from '../dates.ts';
import type { Catalog, Entry } from '../types.ts';

export interface StaleEntry {
  entry: Entry;
  /** Undefined when the entry was never reviewed. */
  reviewed?: string;
  due?: string;
  /** Days past due; undefined when never reviewed. */
  overdue?: number;
}

type Catalogish = Pick<Catalog, 'entries' | 'byId' | 'config' | 'today'>;

/** When the next review of an entry is due, or undefined if it was never reviewed. */
export function reviewDue(catalog: Pick<Catalog, 'config'>, entry: Entry): string | undefined {
  const { reviewed, review_every } = entry.data;
  return reviewed ? addDays(reviewed, durationDays(review_every ?? catalog.config.review_every)) : undefined;
}

export function staleEntries(catalog: Catalogish): StaleEntry[] {
  const out: StaleEntry[] = [];
  for (const entry of catalog.entries) {
    const { status, reviewed } = entry.data;
    if (status === 'draft' || status === 'retired') continue;
    if (!reviewed) {
      if (entry.kind === 'dataset' || entry.kind === 'model') out.push({ entry });
      continue;
    }
    const due = reviewDue(catalog, entry)!;
    if (due < catalog.today) out.push({ entry, reviewed, due, overdue: daysBetween(due, catalog.today) });
  }
  return out.sort((a, b) => (b.overdue ?? Infinity) - (a.overdue ?? Infinity));
}

/** Entries whose only owner is a person: knowledge that leaves when they do. */
export function singleOwnerEntries(catalog: Catalogish): { entry: Entry; owner: Entry }[] {
  const out: { entry: Entry; owner: Entry }[] = [];
  for (const entry of catalog.entries) {
    const owners = entry.data.owners ?? [];
    if (owners.length !== 1) continue;
    const owner = catalog.byId.get(owners[0]!);
    if (owner?.kind === 'person') out.push({ entry, owner });
  }
  return out;
}

export interface MissingObjectives {
  entry: Entry<'model'>;
  /** Metrics without an objective, by name (and slice). */
  metrics: string[];
  /** The model reports no metrics at all. */
  noMetrics: boolean;
}

/** Models (not retired) with no metrics, or with metrics that have no objective. */
export function modelsMissingObjectives(catalog: Catalogish): MissingObjectives[] {
  const out: MissingObjectives[] = [];
  for (const entry of catalog.entries) {
    if (entry.kind !== 'model' || entry.data.stage === 'retired' || entry.data.status === 'retired') continue;
    const metrics = entry.data.metrics ?? [];
    const without = metrics.filter((m) => !m.objective).map((m) => (m.slice ? `${m.name} (${m.slice})` : m.name));
    if (metrics.length === 0 || without.length) out.push({ entry, metrics: without, noMetrics: metrics.length === 0 });
  }
  return out;
}

/**
 * The distinct entries the health page asks an owner to look at: those with a problem
 * found by the checks (a file that holds an entry), overdue for review, owned by one person,
 * or a model without objectives. An entry on several lists counts once, so the home page's
 * figure and the health page's agree.
 */
export function entriesNeedingAttention(catalog: Catalogish & Pick<Catalog, 'diagnostics' | 'files'>): string[] {
  const idOfFile = new Map([...catalog.files.values()].map((f) => [f.file, f.id]));
  const ids = new Set<string>();
  for (const d of catalog.diagnostics) {
    const id = idOfFile.get(d.file);
    if (id && catalog.byId.has(id)) ids.add(id);
  }
  for (const s of staleEntries(catalog)) ids.add(s.entry.id);
  for (const s of singleOwnerEntries(catalog)) ids.add(s.entry.id);
  for (const m of modelsMissingObjectives(catalog)) ids.add(m.entry.id);
  return [...ids];
}

export type ObjectiveResult = 'pass' | 'fail' | 'none';

/** Whether a measured value meets its objective. */
export function meetsObjective(value: number, objective: { min?: number | undefined; max?: number | undefined } | undefined): ObjectiveResult {
  if (!objective) return 'none';
  if (objective.min !== undefined && value < objective.min) return 'fail';
  if (objective.max !== undefined && value > objective.max) return 'fail';
  return 'pass';
}
