/**
 * A mistake in `cardcat.config.yaml` is reported where it is, and costs only itself: the
 * rest of the config (the uses vocabulary, rule severities, limits) still applies.
 */
import { describe, expect, it } from 'vitest';
import { hostile, show } from './helpers.ts';

const DATASET = 'title: A\ndescription: D.\nowners: [data-team]\nreviewed: 2026-11-01\nrights:\n  license: MIT\n  allowed_uses: [research, analytics]\n';
const CONFIG = 'uses:\n  research: { description: Research }\n  analytics: { description: Analytics }\nrules:\n  completeness: off\n';

describe('a config with a mistake', () => {
  it('reports one unknown key with did-you-mean at its line and column, and keeps the rest', () => {
    const { catalog } = hostile({ 'datasets/a.yaml': DATASET }, `${CONFIG}stratification_tolerence: 0.05\nmax_file_bytes: 2000000\n`);
    expect(show(catalog.diagnostics)).toBe(
      'cardcat.config.yaml:6:1 error [config] Unknown field `stratification_tolerence`\n  hint: Did you mean `stratification_tolerance`?',
    );
    expect(Object.keys(catalog.config.uses)).toEqual(['research', 'analytics']);
    expect(catalog.config.rules).toEqual({ completeness: 'off' });
    expect(catalog.config.max_file_bytes).toBe(2_000_000);
  });

  it('puts a value of the wrong type back to its default, and keeps the rest', () => {
    const { catalog } = hostile({ 'datasets/a.yaml': DATASET }, `${CONFIG}max_file_bytes: lots\nsite:\n  title: Ours\n  colour: red\n`);
    expect(show(catalog.diagnostics).split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'cardcat.config.yaml:6:17 error [config] Expected a number for `max_file_bytes`, found `lots`',
      'cardcat.config.yaml:9:3 error [config] Unknown field `colour` in `site`',
    ]);
    expect(catalog.config.max_file_bytes).toBe(1_000_000);
    expect(catalog.config.site.title).toBe('Ours');
    expect(Object.keys(catalog.config.uses)).toEqual(['research', 'analytics']);
  });
});
