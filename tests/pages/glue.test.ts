/**
 * src/astro/pages.ts, the glue between Astro's routes and the page models: every route's
 * paths and each path's model come from one catalog, the one the content folder holds.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSURE_INLINE } from '../../src/lib/pages/closure.ts';
import { entryPage } from '../../src/lib/pages/entry.ts';
import { getCatalog } from '../../src/astro/catalog.ts';
import { pageContext } from '../../src/astro/context.ts';
import { catalogJsonModel, catalogPartPaths, closureListPaths, contentState, entryPagePaths, kindIndexPaths } from '../../src/astro/pages.ts';
import { writeProject } from '../helpers/catalog.ts';

const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';
const files: Record<string, string> = {
  'cardcat.config.yaml': 'site:\n  title: Glue\n  base: /g/\n',
  'content/teams/t.yaml': TEAM,
  'content/datasets/hub.yaml': 'title: Hub\ndescription: Everything starts here.\nowners: [t]\n',
};
for (let i = 0; i <= CLOSURE_INLINE; i++) {
  files[`content/datasets/part-${i}.yaml`] = `title: Part ${i}\ndescription: One part.\nowners: [t]\nderived_from: [{ dataset: hub }]\n`;
}

let before: string | undefined;
beforeAll(() => {
  before = process.env['CATALOG_DIR'];
  process.env['CATALOG_DIR'] = path.join(writeProject(files), 'content');
});
afterAll(() => {
  if (before === undefined) delete process.env['CATALOG_DIR'];
  else process.env['CATALOG_DIR'] = before;
});

describe('the routes glue', () => {
  it('lists a page for every entry of the catalog, whose model is that entry page', () => {
    const paths = entryPagePaths();
    expect(paths).toHaveLength(getCatalog().entries.length);
    const hub = paths.find((p) => p.params.id === 'hub')!;
    expect(hub.params).toEqual({ kind: 'datasets', id: 'hub' });
    expect(hub.props.model()).toEqual(entryPage(getCatalog(), 'hub', pageContext(getCatalog())));
  });

  it('lists closure list pages only for lists longer than an entry page shows', () => {
    const paths = closureListPaths();
    expect(paths.map((p) => p.params)).toEqual([{ kind: 'datasets', id: 'hub', list: 'impacts', page: undefined }]);
    expect(paths[0]!.props.model().table.count).toBe(CLOSURE_INLINE + 1);
  });

  it('lists the first index page of every kind, and no further pages for a small catalog', () => {
    expect(kindIndexPaths(1).map((p) => p.params.kind)).toEqual(['datasets', 'models', 'features', 'sources', 'teams', 'people', 'glossary', 'licenses']);
    expect(kindIndexPaths(2)).toEqual([]);
    expect(kindIndexPaths(1)[0]!.props.model().index!.rows).toHaveLength(CLOSURE_INLINE + 2);
  });

  it('gives the content loader and catalog.json the same entries', () => {
    const state = contentState(false);
    expect(state.report.errors).toBe(0);
    expect(state.entries.map((e) => e.id)).toEqual(getCatalog().entries.map((e) => e.id));
    expect(state.entries.find((e) => e.id === 'hub')).toMatchObject({ kind: 'dataset', file: 'content/datasets/hub.yaml', title: 'Hub', text: expect.stringContaining('title: Hub') });
    const parts = catalogPartPaths();
    expect((catalogJsonModel()['counts'] as { entries: number }).entries).toBe(state.entries.length);
    expect(parts.map((p) => p.params.part)).toEqual(['datasets', 'teams', 'edges', 'diagnostics']);
    expect(parts.slice(0, 2).flatMap((p) => ([...p.props.model()] as { id: string }[]).map((e) => e.id)).sort()).toEqual(state.entries.map((e) => e.id).sort());
  });
});
