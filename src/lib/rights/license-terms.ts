/**
 * The terms of a `licenses/` entry (`permissions`, `conditions`, `limitations`) as plain
 * sentences a reader can act on: "Credit the source", not "Requires attribution". A term
 * without a sentence here reads as its words, capitalised: `no-resale` → "No resale".
 */
import { own } from '../own.ts';

export type TermList = 'permissions' | 'conditions' | 'limitations';

const SENTENCES: Record<TermList, Record<string, string>> = {
  permissions: {
    'commercial-use': 'May be used commercially.',
    'internal-use': 'May be used inside the organisation.',
    'private-use': 'May be used privately.',
    modification: 'May be changed and built upon.',
    distribution: 'May be shared with others.',
    'display-in-product': 'May be shown to users in the product.',
    'patent-use': 'Grants use of the licensor’s patents.',
  },
  conditions: {
    attribution: 'Credit the source wherever the data is shown or published.',
    'include-copyright': 'Keep the copyright notice with the data.',
    'document-changes': 'Say what was changed.',
    'disclose-source': 'Publish the source of what is built from it.',
    'share-alike': 'Data derived from it must keep the same license.',
    'same-license': 'Data derived from it must keep the same license.',
    'no-redistribution': 'Do not share the data outside the organisation.',
    'delete-on-expiry': 'Delete the data when the agreement expires.',
  },
  limitations: {
    'no-commercial-use': 'Do not use it for commercial purposes.',
    'non-commercial': 'Do not use it for commercial purposes.',
    'no-commercial-resale': 'Do not sell the data, or access to it.',
    'no-derivatives': 'Do not publish changed or derived versions of it.',
    'no-sublicensing': 'Do not pass the rights on to anyone else.',
    'no-redistribution': 'Do not share the data outside the organisation.',
    liability: 'The licensor accepts no liability for it.',
    warranty: 'It comes with no warranty.',
    'trademark-use': 'Grants no right to the licensor’s trademarks.',
  },
};

/** A term as a sentence: a known one as written above, any other as its words. */
export function termSentence(list: TermList, term: string): string {
  const known = own(SENTENCES[list], term);
  if (known) return known;
  const words = term.replace(/[-_]+/g, ' ').trim();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}
