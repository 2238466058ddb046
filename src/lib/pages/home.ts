/** The home page: what the catalog holds, its health at a glance, what changed recently, models in production. */
import { KIND_NAMES, KINDS, type Kind } from '../../../schemas/index.ts';
import { entriesNeedingAttention, meetsObjective } from '../view/health.ts';
import type { Catalog, Entry } from '../types.ts';
import { INDEX_PAGE_SIZE } from '../view/pagination.ts';
import { linksOf } from './links.ts';

/** How many recently touched entries the home page lists. */
export const RECENT_ENTRIES = 8;
/** How many production models the home page shows; the rest are one link away, so the page does not grow with the catalog. */
export const HOME_PRODUCTION = 12;

export interface HomeModel {
  title: string;
  description: string;
  /** Kinds the catalog holds, with their count and index page. */
  kinds: { kind: Kind; count: number; label: string; url: string }[];
  /** Statuses in use, with their count. */
  statuses: { status: string; count: number }[];
  errors: number;
  warnings: number;
  /** Distinct entries on the health page: with a problem, overdue, single-owner, or a model without objectives. */
  attention: number;
  recent: { ref: string; description?: string | undefined; kind: string; status: string; date: string }[];
  /** Up to `HOME_PRODUCTION` production models: those missing objectives first, then the latest reviewed. */
  production: { ref: string; description?: string | undefined; metrics: number; missed: number }[];
  /** Every production model, and where they are all listed (the models index filtered, or the search page for a paged index). */
  productionTotal: number;
  productionUrl: string;
  urls: { guide: string; glossary: string; teams: string; health: string };
}

/** The latest of an entry's review date and, for datasets, its newest version date. */
export function lastTouched(e: Entry): string | undefined {
  const dates = [e.data.reviewed, ...(e.kind === 'dataset' ? (e.data.versions ?? []).map((v) => v.date) : [])].filter((d): d is string => !!d);
  return dates.sort().at(-1);
}

export function homePage(catalog: Catalog, title: string): HomeModel {
  const links = linksOf(catalog);
  const errors = catalog.diagnostics.filter((d) => d.severity === 'error').length;
  const recent = catalog.entries
    .filter((e) => e.kind === 'dataset' || e.kind === 'model' || e.kind === 'source')
    .flatMap((e) => {
      const date = lastTouched(e);
      return date === undefined ? [] : [{ e, date }];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.e.data.title.localeCompare(b.e.data.title))
    .slice(0, RECENT_ENTRIES);
  const production = catalog.entries
    .filter((e): e is Entry<'model'> => e.kind === 'model' && e.data.stage === 'production')
    .map((m) => {
      const metrics = m.data.metrics ?? [];
      return { m, metrics: metrics.length, missed: metrics.filter((x) => meetsObjective(x.value, x.objective) === 'fail').length };
    });
  return {
    title,
    description: `${catalog.entries.length} datasets, models, sources and terms, with their lineage, rights and owners.`,
    kinds: KIND_NAMES.map((kind) => {
      const count = catalog.entries.filter((e) => e.kind === kind).length;
      return { kind, count, label: count === 1 ? KINDS[kind].label : KINDS[kind].plural, url: links.kindLink(kind) };
    }).filter((k) => k.count > 0),
    statuses: ['active', 'draft', 'deprecated', 'retired']
      .map((status) => ({ status, count: catalog.entries.filter((e) => e.data.status === status).length }))
      .filter((s) => s.count > 0),
    errors,
    warnings: catalog.diagnostics.length - errors,
    attention: entriesNeedingAttention(catalog).length,
    recent: recent.map(({ e, date }) => ({ ref: links.ref(e.id), description: e.data.description, kind: KINDS[e.kind].label, status: e.data.status, date })),
    production: production
      .sort((a, b) => b.missed - a.missed || (lastTouched(b.m) ?? '').localeCompare(lastTouched(a.m) ?? '') || a.m.data.title.localeCompare(b.m.data.title))
      .slice(0, HOME_PRODUCTION)
      .map(({ m, metrics, missed }) => ({ ref: links.ref(m.id), description: m.data.description, metrics, missed })),
    productionTotal: production.length,
    productionUrl:
      catalog.entries.filter((e) => e.kind === 'model').length <= INDEX_PAGE_SIZE
        ? `${links.kindLink('model')}?stage=production`
        : `${links.link('search/')}?kind=${encodeURIComponent(KINDS.model.label)}&stage=production`,
    urls: { guide: links.link('guide/'), glossary: links.kindLink('glossary'), teams: links.kindLink('team'), health: links.link('health/') },
  };
}
