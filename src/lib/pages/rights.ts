/**
 * The Rights panel of a dataset or model: what it declares, and the restrictions it
 * inherits through lineage with where each comes from.
 */
import { inheritedRights } from '../rights/rights.ts';
import { useAnswers, type Reason, type UseAnswer, type Verdict } from '../rights/rights-answers.ts';
import { rightRows } from '../view/rights-view.ts';
import { inlineCode } from '../view/text.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export interface RightsModel {
  /** Whether the entry declares rights or a license at all. */
  declared: boolean;
  /** The license: a link to its entry when the catalog holds one, else its id. */
  license?: { id: string; ref?: string | undefined } | undefined;
  access?: string | undefined;
  personalData?: boolean | undefined;
  consent?: string | undefined;
  retention?: string | undefined;
  /** Declared uses; the description as `label` only where no answer below gives it already. */
  allowedUses?: { use: string; label?: string | undefined }[] | undefined;
  prohibitedUses?: { use: string; label?: string | undefined }[] | undefined;
  /**
   * Restrictions that come from the same origins, in one row: an agreement's expiry and its
   * terms come together, and their origins and paths were written once per restriction.
   */
  restrictions: {
    items: {
      /** The restriction as HTML, its backticked words as code. */
      html: string;
      expired: boolean;
      /** A condition of "Only if" answers. */
      condition: boolean;
    }[];
    own: boolean;
    /** Each upstream origin and the entries its restriction passes through, as HTML. */
    from: string[];
    /** Further upstream origins not named. */
    more: number;
  }[];
  /** Whether some restriction is a condition of "Only if" answers. */
  conditional: boolean;
  /**
   * What must hold for any use ("Only if" answers) beyond the restrictions marked as
   * conditions, as HTML, each once: the conditions of the entry's own agreement.
   */
  conditions: string[];
  /**
   * For each use in the config's vocabulary, whether this entry may be used for it and why:
   * uses with the same answer for the same reasons are grouped (Yes, Only if, No, Unknown
   * in that order), so the page stays short however large the vocabulary.
   */
  answers: {
    verdict: Verdict;
    /** The answer in words: Yes, Only if, No, Unknown. */
    answer: string;
    uses: { use: string; description?: string | undefined; commercial: boolean }[];
    /** Why, as HTML, the nearest reasons first: an upstream reason ends with its path of links. */
    why: string[];
    /** Further reasons not shown (the same restriction from farther upstream, in Effective restrictions). */
    more: number;
  }[];
}

/** Reasons shown per use: below a hub a use can be forbidden from hundreds of entries, and each page names the nearest. */
export const MAX_REASONS = 2;

/**
 * Upstream origins named per restriction, and entries named in a path between: paths of
 * five or six links, repeated for each origin, were most of the panel's weight (10.7 KB of
 * an average dataset or model page at 2,000 entries). The rest are counted; every upstream
 * entry, with its full path, is in the "Depends on" list and its pages.
 */
export const MAX_ORIGINS = 2;
export const MAX_PATH_STEPS = 2;

/** A path of entries as links, its first steps and its last kept when it is longer than `MAX_PATH_STEPS` + 1. */
export function shortPathHtml(ids: readonly string[], ref: (id: string) => string): string {
  if (ids.length <= MAX_PATH_STEPS + 1) return ids.map(ref).join(' › ');
  const hidden = ids.length - MAX_PATH_STEPS - 1;
  return [...ids.slice(0, MAX_PATH_STEPS).map(ref), `<span class="more">… ${hidden} more …</span>`, ref(ids.at(-1)!)].join(' › ');
}

const ANSWER: Record<Verdict, string> = { yes: 'Yes', no: 'No', conditional: 'Only if', unknown: 'Unknown' };

export function rightsPanel(catalog: Catalog, entry: Entry<'dataset'> | Entry<'model'>): RightsModel {
  const links = linksOf(catalog);
  const rights = entry.kind === 'dataset' ? entry.data.rights : undefined;
  const license = entry.kind === 'dataset' ? entry.data.rights?.license : entry.data.license;
  const answers = useAnswers(catalog, entry);
  // The answers name every use of the vocabulary with its description: said once there.
  const answered = new Set(answers.answers.map((a) => a.use));
  const uses = (list: readonly string[] | undefined) =>
    list?.map((use) => ({ use, label: answered.has(use) ? undefined : (catalog.config.uses[use]?.description ?? use) }));
  // Written as strings, since a model below a hub lists dozens of these.
  // No description as tooltip: the same few origins recur in every row, each time with it.
  const ref = (id: string) => links.ref(id, false);
  const originHtml = (o: { id: string; path: readonly string[] }) =>
    ref(o.id) + (o.path.length > 2 ? `<span class="path"> through ${shortPathHtml(o.path.slice(1, -1), ref)}</span>` : '');
  const rows = rightRows(inheritedRights(catalog, entry), catalog.config.uses, catalog.today, MAX_ORIGINS);
  // An upstream reason's path is given once, where Effective restrictions name its origin;
  // only an origin they leave out gets it here.
  const named = new Set(rows.flatMap((r) => r.from.map((o) => o.id)));
  const reasonHtml = (r: Reason) =>
    inlineCode(r.text) + (r.path && r.path.length > 1 && !named.has(r.origin!) ? ` <span class="path">Path from here: ${shortPathHtml(r.path.slice(1), ref)}</span>` : '');
  return {
    declared: rights !== undefined || license !== undefined,
    license: license ? { id: license, ref: catalog.byId.has(license) ? links.ref(license) : undefined } : undefined,
    access: rights?.access,
    personalData: rights?.personal_data,
    consent: rights?.consent,
    retention: rights?.retention,
    allowedUses: uses(rights?.allowed_uses),
    prohibitedUses: uses(rights?.prohibited_uses),
    restrictions: groupRestrictions(
      rows.map((r) => ({
        items: [{ html: inlineCode(r.text), expired: r.expired, condition: r.condition }],
        own: r.own,
        from: r.from.map(originHtml),
        more: r.more,
      })),
    ),
    conditional: answers.conditions.some((c) => c.restates),
    conditions: answers.conditions.filter((c) => !c.restates).map(reasonHtml),
    answers: groupAnswers(answers.answers, reasonHtml),
  };
}

const ORDER: Verdict[] = ['yes', 'conditional', 'no', 'unknown'];

function groupAnswers(answers: readonly UseAnswer[], html: (r: Reason) => string): RightsModel['answers'] {
  const groups = new Map<string, RightsModel['answers'][number]>();
  for (const a of answers) {
    const shown = a.why.slice(0, MAX_REASONS);
    const key = `${a.verdict}\n${shown.map((r) => r.text).join('\n')}\n${a.why.length}`;
    let group = groups.get(key);
    if (!group) {
      group = { verdict: a.verdict, answer: ANSWER[a.verdict], uses: [], why: shown.map(html), more: Math.max(0, a.why.length - MAX_REASONS) };
      groups.set(key, group);
    }
    group.uses.push({ use: a.use, description: a.description, commercial: a.commercial });
  }
  return [...groups.values()].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
}

/** Rows with the same origins merged into one, in the order each first appears. */
function groupRestrictions(rows: RightsModel['restrictions']): RightsModel['restrictions'] {
  const groups = new Map<string, RightsModel['restrictions'][number]>();
  for (const row of rows) {
    const key = `${row.own}\n${row.from.join('\n')}\n${row.more}`;
    const group = groups.get(key);
    if (group) group.items.push(...row.items);
    else groups.set(key, row);
  }
  return [...groups.values()];
}
