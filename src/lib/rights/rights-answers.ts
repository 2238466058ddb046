/**
 * "May we use this for X?" answered for every use in the config's vocabulary: yes, no,
 * only under conditions (named), or unknown, each with why. Built on the rights an entry
 * inherits through lineage (rights.ts), so an upstream restriction answers with the
 * entry it comes from and the path that reaches it.
 *
 * - no: a prohibited use (the entry's or upstream), a commercial use under a non-commercial
 *   license, redistribution under no-redistribution terms, or an expired agreement;
 * - yes: the entry declares the use (a dataset's `allowed_uses`, a model's `intended_use`),
 *   or an open license (SPDX) allows it; with conditions (share-alike, personal data, an
 *   expiry to come, an agreement's conditions) it is "only if";
 * - unknown: nothing says, because no license is recorded or neither the entry nor its
 *   license speaks to the use.
 */
import { classifyLicense } from './licenses.ts';
import { termSentence } from './license-terms.ts';
import { declaredUses, inheritedRights, type Inherited, type InheritedRight } from './rights.ts';
import type { Catalog, Entry } from '../types.ts';

export type Verdict = 'yes' | 'no' | 'conditional' | 'unknown';

export interface Reason {
  /** A plain sentence; backticked words are ids and license names. */
  text: string;
  /** A condition that restates one of the entry's inherited rights, which its restrictions list too. */
  restates?: true | undefined;
  /** The entry the reason is declared on, when it is not the entry itself. */
  origin?: string | undefined;
  /** Ids from the entry to the origin, both included. */
  path?: string[] | undefined;
}

export interface UseAnswer {
  use: string;
  description?: string | undefined;
  /** Marked `commercial: true` in the config's vocabulary. */
  commercial: boolean;
  /** `conditional`: allowed, under the conditions that bind every use of the entry. */
  verdict: Verdict;
  /** Why the answer is what it is. */
  why: Reason[];
}

export interface UseAnswers {
  /** What must hold for any use of the entry, each once, from its nearest origin. */
  conditions: Reason[];
  answers: UseAnswer[];
}

type Catalogish = Pick<Catalog, 'byId' | 'graph' | 'config' | 'today'>;

/**
 * Whether an inherited right is a condition on every use ("only if") rather than a ban on
 * some: share-alike and no-derivatives terms, personal data, and an agreement still to expire.
 */
export function bindsEveryUse(right: Inherited, today: string): boolean {
  switch (right.type) {
    case 'restriction':
      return right.restriction === 'share-alike' || right.restriction === 'no-derivatives';
    case 'personal-data':
      return true;
    case 'expires':
      return right.date >= today;
    case 'prohibited-use':
      return false;
  }
}

const traced = (r: InheritedRight, entry: Entry): Pick<Reason, 'origin' | 'path'> =>
  r.origin === entry ? {} : { origin: r.origin.id, path: [...r.path] };

/** Where a right is declared, as words: "this entry" or "upstream `x`". */
const whose = (r: InheritedRight, entry: Entry) => (r.origin === entry ? 'this entry' : `upstream \`${r.origin.id}\``);

export function useAnswers(catalog: Catalogish, entry: Entry<'dataset'> | Entry<'model'>): UseAnswers {
  const rights = inheritedRights(catalog, entry);
  const { uses: declared, field } = declaredUses(entry);
  const license = entry.kind === 'dataset' ? entry.data.rights?.license : entry.data.license;
  const ref = license === undefined ? undefined : classifyLicense(license);
  const agreement = ref?.type === 'entry' ? catalog.byId.get(ref.id) : undefined;
  const anyLicenseUpstream = rights.some((r) => r.right.type === 'restriction' || r.right.type === 'expires');

  // Conditions that bind every use: they do not forbid, but a use is only fine if they hold.
  // Each once, from its nearest origin (rights come nearest first): the same personal data
  // or agreement reached along many paths is one condition.
  const shared: Reason[] = [];
  const seen = new Set<string>();
  const condition = (key: string, reason: Reason) => {
    if (seen.has(key)) return;
    seen.add(key);
    shared.push(reason);
  };
  for (const r of rights) {
    const right = r.right;
    if (!bindsEveryUse(right, catalog.today)) continue;
    const restates = true;
    if (right.type === 'restriction' && right.restriction === 'share-alike') condition(`share-alike:${right.license}`, { text: `Data derived from it keeps the license \`${right.license}\` (share-alike, from ${whose(r, entry)}).`, restates, ...traced(r, entry) });
    else if (right.type === 'restriction') condition(`no-derivatives:${right.license}`, { text: `Use it unchanged: the license \`${right.license}\` of ${whose(r, entry)} forbids derived versions.`, restates, ...traced(r, entry) });
    else if (right.type === 'personal-data') condition('personal-data', { text: `It holds personal data (${whose(r, entry)}): data-protection duties apply${entry.kind === 'dataset' && entry.data.rights?.consent ? `, on the legal basis \`${entry.data.rights.consent}\`` : ''}.`, restates, ...traced(r, entry) });
    else if (right.type === 'expires') condition(`expires:${right.license}`, { text: `Until ${right.date}, when the agreement \`${right.license}\` of ${whose(r, entry)} expires.`, restates, ...traced(r, entry) });
  }
  if (agreement?.kind === 'license') {
    for (const term of agreement.data.conditions ?? []) if (term !== 'no-redistribution' && term !== 'share-alike') condition(`term:${term}`, { text: `${termSentence('conditions', term).replace(/\.$/, '')} (agreement \`${agreement.id}\`).` });
  }

  const answers = Object.entries(catalog.config.uses).map(([use, meaning]): UseAnswer => {
    const commercial = meaning.commercial === true;
    const against: Reason[] = [];
    for (const r of rights) {
      const right = r.right;
      if (right.type === 'prohibited-use' && right.use === use) against.push({ text: prohibitedBy(r, entry, use), ...traced(r, entry) });
      else if (right.type === 'restriction' && right.restriction === 'non-commercial' && commercial) against.push({ text: `A commercial use, and the license \`${right.license}\` of ${whose(r, entry)} forbids commercial use.`, ...traced(r, entry) });
      else if (right.type === 'restriction' && right.restriction === 'no-redistribution' && use === 'redistribution') against.push({ text: `The terms \`${right.license}\` of ${whose(r, entry)} forbid sharing the data outside the organisation.`, ...traced(r, entry) });
      else if (right.type === 'expires' && right.date < catalog.today) against.push({ text: `The agreement \`${right.license}\` of ${whose(r, entry)} expired on ${right.date}.`, ...traced(r, entry) });
    }
    const base = { use, description: meaning.description, commercial };
    if (against.length) return { ...base, verdict: 'no', why: dedupe(against) };

    const why: Reason[] = [];
    if (declared.includes(use)) why.push({ text: `This entry lists it in \`${field.join('.')}\`.` });
    else if (ref?.type === 'spdx') why.push({ text: `The license \`${license}\` allows it.` });
    if (why.length === 0) {
      const nothing = license === undefined && !anyLicenseUpstream
        ? 'No license is recorded, and the entry does not list this use.'
        : `Nothing says: the entry does not list this use, and its license${license ? ` \`${license}\`` : ''} does not name it.`;
      return { ...base, verdict: 'unknown', why: [{ text: nothing }] };
    }
    return { ...base, verdict: shared.length ? 'conditional' : 'yes', why };
  });
  return { conditions: shared, answers };
}

/** Who prohibits a use: the entry's own list, or the agreement it is under, here or upstream. */
function prohibitedBy(r: InheritedRight, entry: Entry, use: string): string {
  const listed = r.origin.kind === 'dataset' && (r.origin.data.rights?.prohibited_uses ?? []).includes(use);
  const license = r.origin.kind === 'dataset' ? r.origin.data.rights?.license : r.origin.kind === 'model' ? r.origin.data.license : undefined;
  const by = listed ? undefined : license;
  if (r.origin === entry) return by ? `Its agreement \`${by}\` prohibits it.` : 'This entry prohibits it.';
  return by ? `Prohibited by the agreement \`${by}\` of upstream \`${r.origin.id}\`.` : `Prohibited by upstream \`${r.origin.id}\`.`;
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => !seen.has(r.text) && !!seen.add(r.text));
}
