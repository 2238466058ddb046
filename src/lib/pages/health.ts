/** The health page: every diagnostic of this build, and the entries that need an owner's attention. */
import { KINDS } from '../../../schemas/index.ts';
import { entriesNeedingAttention, modelsMissingObjectives, singleOwnerEntries, staleEntries } from '../view/health.ts';
import { inlineCode } from '../view/text.ts';
import { editUrl } from '../view/urls.ts';
import type { Catalog } from '../types.ts';
import type { PageContext } from './context.ts';
import { linksOf } from './links.ts';
import { probeHealth, type ProbeHealthModel } from './probes.ts';

export interface HealthModel {
  today: string;
  /** Distinct entries on this page's lists, as the home page counts them. */
  attention: number;
  errors: number;
  warnings: number;
  /** Errors first, then warnings, each in check's order. */
  diagnostics: {
    severity: string;
    /** The entry the file holds, as a link, when the catalog has it. */
    ref?: string | undefined;
    /** The entry's owners as links, by name. */
    owners: string[];
    where: string;
    editUrl?: string | undefined;
    /** Message and hint as HTML, their backticked words as code. */
    message: string;
    hint?: string | undefined;
    rule: string;
  }[];
  stale: { ref: string; kind: string; reviewed: string; overdue: string; owners: string[] }[];
  singleOwner: { ref: string; kind: string; owner: string }[];
  objectives: { ref: string; stage: string; missing: string }[];
  /** Sources and datasets the last probe found unreachable or changed. */
  probes: ProbeHealthModel;
}

export function healthPage(catalog: Catalog, context: PageContext = {}): HealthModel {
  const links = linksOf(catalog);
  const diagnostics = [...catalog.diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const idOfFile = new Map([...catalog.files.values()].map((f) => [f.file, f.id]));
  return {
    today: catalog.today,
    attention: entriesNeedingAttention(catalog).length,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics: diagnostics.map((d) => {
      const id = idOfFile.get(d.file);
      const entry = id ? catalog.byId.get(id) : undefined;
      return {
        severity: d.severity,
        ref: entry ? links.ref(entry.id) : undefined,
        owners: (entry?.data.owners ?? []).map((o) => links.ref(o)),
        where: `${d.file}:${d.line}:${d.column}`,
        editUrl: editUrl(catalog.config.site, d.file),
        message: inlineCode(d.message),
        hint: d.hint ? inlineCode(d.hint) : undefined,
        rule: d.rule,
      };
    }),
    stale: staleEntries(catalog).map((s) => ({
      ref: links.ref(s.entry.id),
      kind: KINDS[s.entry.kind].label,
      reviewed: s.reviewed ?? 'never',
      overdue: s.overdue === undefined ? '—' : String(s.overdue),
      owners: (s.entry.data.owners ?? []).map((o) => links.ref(o)),
    })),
    singleOwner: singleOwnerEntries(catalog).map((s) => ({ ref: links.ref(s.entry.id), kind: KINDS[s.entry.kind].label, owner: links.ref(s.owner.id) })),
    objectives: modelsMissingObjectives(catalog).map((o) => ({ ref: links.ref(o.entry.id), stage: o.entry.data.stage, missing: o.noMetrics ? 'reports no metrics' : o.metrics.join(', ') })),
    probes: probeHealth(catalog, context.probes, context.probeWarning),
  };
}
