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

export interface RightRow {
  text: string;
  /** The entry the right is declared on; the entry itself when it is its own. */
  origin: string;
  inherited: boolean;
  /** Ids from the entry to the origin. */
  path: string[];
  /** An expiry that has passed. */
  expired: boolean;
}

/** One row per distinct right, nearest origin first; the same right from two upstream entries shows once per origin. */
export function rightRows(rights: readonly InheritedRight[], uses: Readonly<Record<string, { description?: string | undefined }>>, today: string): RightRow[] {
  const seen = new Set<string>();
  const rows: RightRow[] = [];
  for (const r of rights) {
    const text = describeRight(r.right, uses);
    const key = `${text}\0${r.origin.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ text, origin: r.origin.id, inherited: r.path.length > 1, path: r.path, expired: r.right.type === 'expires' && r.right.date < today });
  }
  return rows;
}
