import { describe, expect, it } from 'vitest';
import { checkLicense, classifyLicense, restrictionsOf, restrictionsOfTerms } from '../../src/lib/rights/licenses.ts';

const restrictions = (value: string) => [...restrictionsOf(classifyLicense(value))].sort();

describe('license semantics', () => {
  it.each([
    ['CC0-1.0', []],
    ['CC-BY-4.0', []],
    ['CC-BY-SA-4.0', ['share-alike']],
    ['CC-BY-NC-4.0', ['non-commercial']],
    ['CC-BY-ND-4.0', ['no-derivatives']],
    ['CC-BY-NC-SA-4.0', ['non-commercial', 'share-alike']],
    ['CC-BY-NC-ND-4.0', ['no-derivatives', 'non-commercial']],
    ['ODbL-1.0', ['share-alike']],
    ['CDLA-Sharing-1.0', ['share-alike']],
    ['CDLA-Permissive-2.0', []],
    ['Apache-2.0', []],
    ['MIT', []],
    ['proprietary', ['no-redistribution']],
  ])('reads %s as restricting %j', (license, expected) => {
    expect(restrictions(license)).toEqual(expected);
  });

  it('binds only what every alternative of an OR imposes, and everything an AND does', () => {
    expect(restrictions('MIT OR CC-BY-NC-4.0')).toEqual([]);
    expect(restrictions('CC-BY-NC-4.0 OR CC-BY-NC-SA-4.0')).toEqual(['non-commercial']);
    expect(restrictions('CC-BY-SA-4.0 AND CC-BY-NC-4.0')).toEqual(['non-commercial', 'share-alike']);
  });

  it('reads a kebab-case id that is not SPDX as a licenses/ entry', () => {
    expect(classifyLicense('lumen-internal')).toEqual({ type: 'entry', id: 'lumen-internal' });
    expect(classifyLicense('MIT')).toEqual({ type: 'spdx', expression: 'MIT' });
  });

  it('maps the terms of a license entry to the restrictions that propagate, ignoring the rest', () => {
    expect([...restrictionsOfTerms(['attribution', 'no-redistribution', 'no-commercial-use', 'delete-on-expiry'])].sort()).toEqual([
      'no-redistribution',
      'non-commercial',
    ]);
  });

  it('suggests the SPDX id closest to a misspelt license', () => {
    expect(checkLicense('CC-BY-4')).toMatchInlineSnapshot(`"Unexpected license \`CC-BY-4\`, expected an SPDX id such as \`CC-BY-4.0\`"`);
    expect(checkLicense('Apache 2')).toMatchInlineSnapshot(`"Unexpected license \`Apache 2\`, expected an SPDX id such as \`Apache-2.0\`"`);
    expect(checkLicense('Some Licence!')).toMatchInlineSnapshot(`"Unexpected license \`Some Licence!\`, expected an SPDX id or expression (such as \`CC-BY-4.0\`), \`proprietary\`, or the id of a \`licenses/\` entry"`);
    expect(checkLicense('CC-BY-4.0')).toBeUndefined();
    expect(checkLicense('lumen-internal')).toBeUndefined();
  });
});
