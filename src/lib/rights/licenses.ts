/**
 * What licenses mean for the data under them. An SPDX expression is parsed with
 * spdx-expression-parse; each license maps to the restrictions it carries, and those are
 * what the rights rule propagates down the lineage.
 */
import { own } from '../own.ts';
import parseSpdx from 'spdx-expression-parse';
import correctSpdx from 'spdx-correct';
import { ID_PATTERN } from '../ids.ts';

export type Restriction = 'non-commercial' | 'no-derivatives' | 'share-alike' | 'no-redistribution';

export const RESTRICTIONS: Record<Restriction, string> = {
  'non-commercial': 'no commercial use',
  'no-derivatives': 'no derived datasets',
  'share-alike': 'derived data must keep the same license',
  'no-redistribution': 'no sharing outside the organisation',
};

export type LicenseRef =
  | { type: 'spdx'; expression: string }
  | { type: 'proprietary' }
  | { type: 'entry'; id: string };

type SpdxNode = parseSpdx.Info;

/** Parsed expressions by text: a catalog names a handful of licenses thousands of times. */
const parsedSpdx = new Map<string, SpdxNode | undefined>();

function tryParse(value: string): SpdxNode | undefined {
  if (parsedSpdx.has(value)) return parsedSpdx.get(value);
  let node: SpdxNode | undefined;
  try {
    node = parseSpdx(value);
  } catch {
    node = undefined;
  }
  if (parsedSpdx.size < 10_000) parsedSpdx.set(value, node);
  return node;
}

/** How a `license` value is read: an SPDX expression first, then a `licenses/` entry id. */
export function classifyLicense(value: string): LicenseRef {
  if (value === 'proprietary') return { type: 'proprietary' };
  if (tryParse(value)) return { type: 'spdx', expression: value };
  return { type: 'entry', id: value };
}

/** A message when `value` can be neither an SPDX expression nor an entry id; else undefined. */
export function checkLicense(value: string): string | undefined {
  if (value === 'proprietary' || tryParse(value) || ID_PATTERN.test(value)) return undefined;
  const suggestion = correctSpdx(value, { upgrade: true });
  return suggestion
    ? `Unexpected license \`${value}\`, expected an SPDX id such as \`${suggestion}\``
    : `Unexpected license \`${value}\`, expected an SPDX id or expression (such as \`CC-BY-4.0\`), \`proprietary\`, or the id of a \`licenses/\` entry`;
}

/** Restrictions of one SPDX license id, from the families whose terms we know. */
function restrictionsOfId(licenseId: string): Restriction[] {
  const out: Restriction[] = [];
  const upper = licenseId.toUpperCase();
  if (/(^|-)NC(-|$)/.test(upper)) out.push('non-commercial');
  if (/(^|-)ND(-|$)/.test(upper)) out.push('no-derivatives');
  if (/(^|-)SA(-|$)/.test(upper) || /^(ODBL|CDLA-SHARING|A?GPL|LGPL)/.test(upper)) out.push('share-alike');
  return out;
}

function restrictionsOfNode(node: SpdxNode): Set<Restriction> {
  if ('license' in node) return new Set(restrictionsOfId(node.license));
  const left = restrictionsOfNode(node.left);
  const right = restrictionsOfNode(node.right);
  // OR lets the user pick either license, so only what both impose binds; AND binds both.
  if (node.conjunction === 'or') return new Set([...left].filter((r) => right.has(r)));
  return new Set([...left, ...right]);
}

/** Restrictions of an SPDX expression or of `proprietary`. Entries are resolved by the caller. */
export function restrictionsOf(ref: LicenseRef): Set<Restriction> {
  if (ref.type === 'proprietary') return new Set(['no-redistribution']);
  if (ref.type === 'spdx') {
    const node = tryParse(ref.expression);
    return node ? restrictionsOfNode(node) : new Set();
  }
  return new Set();
}

const TERM_TO_RESTRICTION: Record<string, Restriction> = {
  'no-commercial-use': 'non-commercial',
  'non-commercial': 'non-commercial',
  'no-commercial-resale': 'no-redistribution',
  'no-derivatives': 'no-derivatives',
  'share-alike': 'share-alike',
  'no-redistribution': 'no-redistribution',
};

/** Restrictions a `licenses/` entry states in its conditions and limitations. */
export function restrictionsOfTerms(terms: readonly string[]): Set<Restriction> {
  const out = new Set<Restriction>();
  for (const term of terms) {
    const restriction = own(TERM_TO_RESTRICTION, term);
    if (restriction) out.add(restriction);
  }
  return out;
}
