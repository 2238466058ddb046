/**
 * The one road from the catalog to a page: each route's `getStaticPaths` asks this module
 * for its paths, and each path's props carry the page's model, built by `src/lib/pages/`.
 * No component, layout or page reads the catalog itself.
 *
 * A model is built when its page renders, not when the paths are listed: Astro holds every
 * path's props for the whole build, and at 10,000 entries the models of every page at once
 * would not fit. Each build reads the catalog the build loaded; in dev, the current one, so
 * an edited entry shows on its next request.
 */
import { KINDS, type Kind } from '../../schemas/index.ts';
import { manifestIndex, manifestPart, manifestParts } from '../lib/pages/catalog-manifest.ts';
import { CLOSURE_LIST_NAMES, closureListPage, closureListPages } from '../lib/pages/closure.ts';
import { entryPage } from '../lib/pages/entry.ts';
import { featureIndexPage, featureIndexPages } from '../lib/pages/feature-index.ts';
import { kindIndexPage, kindPageCounts } from '../lib/pages/kind-index.ts';
import { guidePage, type GuideModel } from '../lib/pages/guide.ts';
import { healthPage, type HealthModel } from '../lib/pages/health.ts';
import { recentChangesPage, type RecentChangesModel } from '../lib/pages/history.ts';
import { homePage, type HomeModel } from '../lib/pages/home.ts';
import { searchPage, type SearchPageModel } from '../lib/pages/search.ts';
import { searchRecords, type SearchRecord } from '../lib/pages/search-records.ts';
import { lineageBuckets, lineageFile, type LineageFile } from '../lib/pages/lineage.ts';
import type { Catalog } from '../lib/types.ts';
import { diagnosticsReport, getCatalog } from './catalog.ts';
import { historyOf, pageContext, probesOf } from './context.ts';
import { siteSettings } from './settings.ts';

/** Every entry's page; its props' `model()` builds the page's model when it renders. */
export function entryPagePaths() {
  const catalog = getCatalog();
  return catalog.entries.map((entry) => ({
    params: { kind: KINDS[entry.kind].folder, id: entry.id },
    props: {
      model: () => {
        const current = getCatalog();
        return entryPage(current, entry.id, pageContext(current));
      },
    },
  }));
}

/** The lineage files: the deeper views of the entries that have one, a few entries to a file. */
export function lineageFilePaths() {
  return [...lineageBuckets(getCatalog())].map(([bucket, ids]) => ({
    params: { bucket: String(bucket) },
    props: { model: (): LineageFile => lineageFile(getCatalog(), ids) },
  }));
}

/** The pages of every closure list too long for its entry's page. */
export function closureListPaths() {
  const catalog = getCatalog();
  return catalog.entries.flatMap((entry) =>
    CLOSURE_LIST_NAMES.flatMap((list) =>
      Array.from({ length: closureListPages(catalog, entry.id, list) }, (_, i) => ({
        params: { kind: KINDS[entry.kind].folder, id: entry.id, list, page: i === 0 ? undefined : String(i + 1) },
        props: { model: () => closureListPage(getCatalog(), entry.id, list, i + 1) },
      })),
    ),
  );
}

/**
 * The index pages of every kind from page `from` on: 1 for each kind's first page, 2 for
 * the pages after it. The feature kind's index is the Features index, which lists the
 * columns models use as features too (see `feature-index.ts`).
 */
export function kindIndexPaths(from: 1 | 2) {
  const catalog = getCatalog();
  return kindPageCounts(catalog).flatMap(({ kind, pages }) => {
    const count = kind === 'feature' ? featureIndexPages(catalog) : pages;
    return Array.from({ length: from === 1 ? 1 : count - 1 }, (_, i) => {
      const page = from + i;
      return {
        params: from === 1 ? { kind: KINDS[kind].folder } : { kind: KINDS[kind].folder, page: String(page) },
        props: { model: () => (kind === 'feature' ? featureIndexPage(getCatalog(), page) : kindIndexPage(getCatalog(), kind, page)) },
      };
    });
  });
}

/** The home page, titled as the site is. */
export const homeModel = (): HomeModel => homePage(getCatalog(), siteSettings().title);

export const healthModel = (): HealthModel => {
  const catalog = getCatalog();
  return healthPage(catalog, pageContext(catalog));
};

/** The latest commits that touched the catalog. */
export const recentChangesModel = (): RecentChangesModel => {
  const catalog = getCatalog();
  return recentChangesPage(catalog, historyOf(catalog));
};

export const guideModel = (): GuideModel => guidePage(getCatalog());

export const searchModel = (): SearchPageModel => searchPage(getCatalog());

/** The header search's names index: one record per entry. */
export const searchRecordsModel = (): SearchRecord[] => searchRecords(getCatalog());

/** `catalog.json`: the manifest's index; its parts are `catalogPartPaths`. */
export const catalogJsonModel = (): Record<string, unknown> => manifestIndex(getCatalog());

/** The manifest's parts, `catalog/<part>.json.gz`: one per kind, the edges and the diagnostics. */
export function catalogPartPaths() {
  return manifestParts(getCatalog()).map(({ name }) => ({ params: { part: name }, props: { model: (): Iterable<unknown> => manifestPart(getCatalog(), name) } }));
}

/** What the content loader reads of each entry: the text its digest is taken of, and where it is. */
export interface StoredEntry {
  kind: Kind;
  id: string;
  file: string;
  title: string;
  text: string;
}

/** The catalog as the content loader sees it: check's report, the entries and the config its digest is taken of. */
export function contentState(color: boolean): { report: ReturnType<typeof diagnosticsReport>; entries: StoredEntry[]; config: Catalog['config'] } {
  const catalog = getCatalog();
  const report = diagnosticsReport(catalog, color);
  // A malformed probe state file is a warning of the build, beside check's: the site is built without probe results.
  const { warning } = probesOf(catalog);
  if (warning) {
    report.text = report.text ? `${report.text}\n\n${warning}` : warning;
    report.warnings++;
  }
  return {
    report,
    entries: catalog.entries.map((e) => ({ kind: e.kind, id: e.id, file: e.file, title: e.data.title, text: e.text })),
    config: catalog.config,
  };
}
