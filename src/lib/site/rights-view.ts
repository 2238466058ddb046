/** Inherited rights as sentences a stakeholder can read, grouped by what they restrict. */
import { RESTRICTIONS } from '../licenses.ts';
import type { Inherited, InheritedRight } from '../rights.ts';

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
  /** Upstream entries it is inherited from, nearest first. */
  from: RightOrigin[];
  /** An expiry that has passed. */
  expired: boolean;
}

/** One row per distinct right, naming every upstream entry it comes from, nearest first. */
export function rightRows(rights: readonly InheritedRight[], uses: Readonly<Record<string, { description?: string | undefined }>>, today: string): RightRow[] {
  const rows = new Map<string, RightRow>();
  for (const r of rights) {
    const text = describeRight(r.right, uses);
    const row = rows.get(text) ?? { text, own: false, from: [], expired: false };
    if (r.path.length <= 1) row.own = true;
    else if (!row.from.some((o) => o.id === r.origin.id)) row.from.push({ id: r.origin.id, path: r.path });
    if (r.right.type === 'expires' && r.right.date < today) row.expired = true;
    rows.set(text, row);
  }
  return [...rows.values()];
}
