/** Inherited rights as sentences a stakeholder can read, grouped by what they restrict. */
import { RESTRICTIONS } from '../rights/licenses.ts';
import { bindsEveryUse } from '../rights/rights-answers.ts';
import type { Inherited, InheritedRight } from '../rights/rights.ts';

export function describeRight(right: Inherited, uses: Readonly<Record<string, { description?: string | undefined }>>): string {
  switch (right.type) {
    case 'restriction':
      return `${RESTRICTIONS[right.restriction][0]!.toUpperCase()}${RESTRICTIONS[right.restriction].slice(1)} (license \`${right.license}\`)`;
    case 'prohibited-use':
      return `Must not be used for ${right.use}${uses[right.use]?.description ? ` (${uses[right.use]!.description!.toLowerCase()})` : ''}`;
    case 'personal-data':
      return 'Contains personal data: data-protection duties apply';
    case 'expires':
      return `Agreement \`${right.license}\` expires on ${right.date}`;
  }
}

export interface RightOrigin {
  /** The entry the right is declared on. */
  id: string;
  /** Ids from the entry to the origin. */
  path: string[];
}

export interface RightRow {
  text: string;
  /** Declared by the entry itself. */
  own: boolean;
  /** Upstream entries it is inherited from, nearest first, at most `maxOrigins`. */
  from: RightOrigin[];
  /** Further upstream entries it also comes from, not listed (they are all in "Depends on"). */
  more: number;
  /** An expiry that has passed. */
  expired: boolean;
  /** A condition on every use rather than a ban on some (see `bindsEveryUse`). */
  condition: boolean;
}

/**
 * One row per distinct right, naming the upstream entries it comes from, nearest first.
 * Below a hub, a right can come from thousands of entries: only the nearest `maxOrigins`
 * are named, so the page does not grow with the catalog.
 */
export function rightRows(
  rights: readonly InheritedRight[],
  uses: Readonly<Record<string, { description?: string | undefined }>>,
  today: string,
  maxOrigins = 5,
): RightRow[] {
  const rows = new Map<string, RightRow & { seen: Set<string> }>();
  for (const r of rights) {
    const text = describeRight(r.right, uses);
    const row = rows.get(text) ?? { text, own: false, from: [], more: 0, expired: false, condition: bindsEveryUse(r.right, today), seen: new Set<string>() };
    if (r.path.length <= 1) row.own = true;
    else if (!row.seen.has(r.origin.id)) {
      row.seen.add(r.origin.id);
      if (row.from.length < maxOrigins) row.from.push({ id: r.origin.id, path: r.path });
      else row.more++;
    }
    if (r.right.type === 'expires' && r.right.date < today) row.expired = true;
    rows.set(text, row);
  }
  return [...rows.values()].map(({ seen: _seen, ...row }) => row);
}
