/** The home, health and guide pages' models, from the demo catalog and small fixtures. */
import { describe, expect, it } from 'vitest';
import { guidePage } from '../../src/lib/pages/guide.ts';
import { healthPage } from '../../src/lib/pages/health.ts';
import { INDEX_PAGE_SIZE } from '../../src/lib/view/pagination.ts';
import { HOME_PRODUCTION, homePage, lastTouched, RECENT_ENTRIES } from '../../src/lib/pages/home.ts';
import { catalogOf } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip, TODAY } from './demo.ts';

const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';

describe('the home page model', () => {
  it('counts the kinds and statuses the catalog holds, naming a kind in the singular when it has one entry', () => {
    const home = homePage(demoCatalog(), 'Lumen');
    expect(roundTrip(home)).toEqual(home);
    const datasets = demoCatalog().entries.filter((e) => e.kind === 'dataset').length;
    expect(home.kinds[0]).toEqual({ kind: 'dataset', count: datasets, label: 'Datasets', url: '/datasets/' });
    expect(home.kinds.every((k) => k.count > 0)).toBe(true);
    expect(home.statuses.reduce((n, s) => n + s.count, 0)).toBe(demoCatalog().entries.length);
    const one = homePage(catalogOf({ 'teams/t.yaml': TEAM }), 'One');
    expect(one.kinds).toEqual([{ kind: 'team', count: 1, label: 'Team', url: '/teams/' }]);
  });

  it(`lists the ${RECENT_ENTRIES} datasets, models and sources touched last, newest first`, () => {
    const { recent } = homePage(demoCatalog(), 'Lumen');
    expect(recent).toHaveLength(RECENT_ENTRIES);
    expect(recent.map((r) => r.date)).toEqual(recent.map((r) => r.date).sort().reverse());
    expect(recent.every((r) => ['Dataset', 'Model', 'Source'].includes(r.kind))).toBe(true);
  });

  it('counts a dataset as touched by its newest version as well as its review', () => {
    const catalog = catalogOf({
      'teams/t.yaml': TEAM,
      'datasets/d.yaml': 'title: D\ndescription: A table.\nowners: [t]\nreviewed: 2026-01-01\nversions:\n  - { version: "1", date: 2026-03-01 }\n',
    });
    expect(lastTouched(catalog.byId.get('d')!)).toBe('2026-03-01');
    expect(homePage(catalog, 'X').recent).toEqual([expect.objectContaining({ date: '2026-03-01' })]);
  });

  it('shows each production model with how many of its objectives it misses', () => {
    const catalog = catalogOf({
      'teams/t.yaml': TEAM,
      'models/m.yaml': 'title: M\ndescription: Scores.\nowners: [t]\nstage: production\nfallback: n\nmetrics:\n  - { name: auc, value: 0.5, objective: { min: 0.7 } }\n  - { name: f1, value: 0.9, objective: { min: 0.7 } }\n',
      'models/n.yaml': 'title: N\ndescription: Falls back.\nowners: [t]\nstage: development\n',
    });
    expect(homePage(catalog, 'X').production).toEqual([{ ref: expect.stringContaining('>M</a>'), description: 'Scores.', metrics: 2, missed: 1 }]);
    expect(homePage(catalog, 'X')).toMatchObject({ productionTotal: 1, productionUrl: '/models/?stage=production' });
  });

  it('shows a bounded selection of production models, those missing objectives first, and links them all', () => {
    const files: Record<string, string> = { 'teams/t.yaml': TEAM };
    const total = HOME_PRODUCTION * 3;
    for (let i = 0; i < total; i++) {
      // Every fifth model misses its objective; the others meet it.
      const value = i % 5 === 0 ? 0.5 : 0.9;
      files[`models/m-${String(i).padStart(2, '0')}.yaml`] = `title: M${String(i).padStart(2, '0')}\ndescription: Scores.\nowners: [t]\nstage: production\nfallback: n\nreviewed: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\nmetrics:\n  - { name: auc, value: ${value}, objective: { min: 0.7 } }\n`;
    }
    const home = homePage(catalogOf(files), 'X');
    expect(home.productionTotal).toBe(total);
    expect(home.production).toHaveLength(HOME_PRODUCTION);
    const missing = Math.ceil(total / 5);
    expect(home.production.slice(0, missing).every((m) => m.missed === 1)).toBe(true);
    expect(home.production.slice(missing).every((m) => m.missed === 0)).toBe(true);
    // After the misses, the latest reviewed: M27 (the 28th of January) comes first.
    expect(home.production[missing]!.ref).toContain('>M27</a>');
    expect(home.productionUrl).toBe('/models/?stage=production');
  });

  it('links the search page for every production model when the models index is paged', () => {
    const files: Record<string, string> = { 'teams/t.yaml': TEAM };
    for (let i = 0; i <= INDEX_PAGE_SIZE; i++) files[`models/m-${i}.yaml`] = `title: M${i}\ndescription: Scores.\nowners: [t]\nstage: ${i < 3 ? 'production\nfallback: n' : 'development'}\n`;
    const home = homePage(catalogOf(files, { config: 'site:\n  title: X\n  base: /c/\n' }), 'X');
    expect(home.productionTotal).toBe(3);
    expect(home.productionUrl).toBe('/c/search/?kind=Model&stage=production');
  });

  it('counts the distinct entries that need attention as the health page does, and the diagnostics', () => {
    const home = homePage(demoCatalog(), 'Lumen');
    const health = healthPage(demoCatalog());
    const refs = new Set([...health.diagnostics.flatMap((d) => (d.ref ? [d.ref] : [])), ...health.stale.map((s) => s.ref), ...health.singleOwner.map((s) => s.ref), ...health.objectives.map((o) => o.ref)]);
    expect(home.attention).toBe(refs.size);
    expect(health.attention).toBe(refs.size);
    // An entry on two lists counts once.
    expect(refs.size).toBeLessThan(health.diagnostics.length + health.stale.length + health.singleOwner.length + health.objectives.length);
    expect([home.errors, home.warnings]).toEqual([health.errors, health.warnings]);
  });
});

describe('the health page model', () => {
  const catalog = catalogOf(
    {
      'teams/t.yaml': TEAM,
      'people/p.yaml': 'title: P\nemail: p@example.com\nteams: [t]\n',
      'datasets/old.yaml': 'title: Old\ndescription: Stale.\nowners: [p]\nreviewed: 2020-01-01\n',
      'datasets/bad.yaml': 'title: Bad\ndescription: Broken.\nowners: [t]\nsources: { primary: missing-source }\n',
      'models/m.yaml': 'title: M\ndescription: Scores.\nowners: [t]\nstage: development\nmetrics:\n  - { name: auc, value: 0.5 }\n',
    },
    { config: 'site:\n  title: H\n  repo_url: https://github.com/acme/h\n' },
  );
  const health = healthPage(catalog);

  it('lists errors before warnings, each with its place, its entry and an edit link', () => {
    expect(roundTrip(health)).toEqual(health);
    expect(health.errors).toBeGreaterThan(0);
    const severities = health.diagnostics.map((d) => d.severity);
    expect(severities).toEqual([...severities].sort());
    const broken = health.diagnostics.find((d) => d.message.includes('missing-source'))!;
    expect(broken).toMatchObject({
      severity: 'error',
      ref: expect.stringContaining('>Bad</a>'),
      where: expect.stringMatching(/^content\/datasets\/bad\.yaml:\d+:\d+$/),
      editUrl: 'https://github.com/acme/h/edit/main/content/datasets/bad.yaml',
    });
    expect(broken.message).toContain('<code>missing-source</code>');
  });

  it('lists overdue entries with their days overdue, entries owned by one person, and models without objectives', () => {
    expect(health.today).toBe(TODAY);
    expect(health.stale).toContainEqual({ ref: expect.stringContaining('>Old</a>'), kind: 'Dataset', reviewed: '2020-01-01', overdue: expect.stringMatching(/^\d+$/), owners: [expect.stringContaining('>P</a>')] });
    expect(health.singleOwner).toEqual([{ ref: expect.stringContaining('>Old</a>'), kind: 'Dataset', owner: expect.stringContaining('>P</a>') }]);
    expect(health.objectives).toEqual([{ ref: expect.stringContaining('>M</a>'), stage: 'development', missing: 'auc' }]);
  });
});

describe('the guide page model', () => {
  it('names the catalog uses and an active dataset and a production model to learn from', () => {
    const guide = guidePage(demoCatalog());
    expect(roundTrip(guide)).toEqual(guide);
    expect(guide.uses.map((u) => u.id)).toEqual(Object.keys(demoCatalog().config.uses));
    expect(guide.exampleDataset).toMatchObject({ url: expect.stringMatching(/^\/datasets\/[a-z0-9-]+\/$/), editUrl: expect.stringContaining('/edit/') });
    expect(guide.exampleModel?.url).toMatch(/^\/models\/[a-z0-9-]+\/$/);
  });

  it('leaves out the examples a catalog does not have, and edit links when the site names no repository', () => {
    const guide = guidePage(catalogOf({ 'teams/t.yaml': TEAM, 'datasets/d.yaml': 'title: D\ndescription: A table.\nowners: [t]\n' }));
    expect(guide.exampleModel).toBeUndefined();
    expect(guide.exampleDataset).toEqual({ title: 'D', url: '/datasets/d/', editUrl: undefined });
  });
});
