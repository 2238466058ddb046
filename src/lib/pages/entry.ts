/**
 * An entry's page, built once: what its layout needs (title, search metadata, JSON-LD), its
 * header, its table of contents and the body of its kind. Plain data, so it can be tested
 * without a site build and handed to the page's components as they are.
 */
import { KINDS, type Kind } from '../../../schemas/index.ts';
import { entryJsonLd, jsonLdScript } from '../interchange/export/jsonld.ts';
import { facetValues, SEARCH_FACETS, type OwnerNames } from '../view/facets.ts';
import type { Catalog, Entry } from '../types.ts';
import type { PageContext } from './context.ts';
import { datasetBody, type DatasetBody } from './dataset.ts';
import { featureBody, type FeatureBody } from './feature.ts';
import { glossaryBody, type GlossaryBody } from './glossary.ts';
import { entryHeader, type EntryHeaderModel } from './header.ts';
import { entryHistory, type EntryHistoryModel } from './history.ts';
import { licenseBody, type LicenseBody } from './license.ts';
import { modelBody, type ModelBody } from './model.ts';
import { probeSection, type ProbeSectionModel } from './probes.ts';
import { sourceBody, type SourceBody } from './source.ts';
import { teamBody, type TeamBody } from './team.ts';

export type EntryBody = DatasetBody | ModelBody | FeatureBody | SourceBody | TeamBody | GlossaryBody | LicenseBody;

export interface TocItem {
  id: string;
  title: string;
}

export interface EntryPageModel {
  kind: Kind;
  id: string;
  title: string;
  description?: string | undefined;
  /** The navigation section the page belongs to: `datasets/`. */
  section: string;
  /** schema.org markup for the page's head, ready for a `<script type="application/ld+json">`. */
  jsonLd?: string | undefined;
  /** Search filters of the page, as key and value pairs. */
  filters: [string, string][];
  header: EntryHeaderModel;
  toc: TocItem[];
  body: EntryBody;
  links?: { title: string; url: string }[] | undefined;
  /** A source's or dataset's last probe, from the probe state file. */
  probe?: ProbeSectionModel | undefined;
  /** When the entry's file changed, from git. */
  history?: EntryHistoryModel | undefined;
}

// Every section a kind's page can have, in page order; some only when the entry has what they show.
const TOC: Record<Kind, [string, string][]> = {
  dataset: [['where', 'Where to find it'], ['datasheet', 'Datasheet'], ['schema', 'Schema'], ['splits', 'Splits'], ['rights', 'Rights'], ['lineage', 'Lineage']],
  model: [['model-details', 'Model details'], ['intended-use', 'Intended use'], ['factors', 'Factors'], ['metrics', 'Metrics'], ['evaluation-data', 'Evaluation data'], ['training-data', 'Training data'], ['versions', 'Earlier versions'], ['quantitative-analyses', 'Quantitative analyses'], ['ethical-considerations', 'Ethical considerations'], ['caveats-and-recommendations', 'Caveats and recommendations'], ['operations', 'Monitoring and retraining'], ['rights', 'Rights'], ['lineage', 'Lineage']],
  feature: [['definition', 'Definition'], ['columns', 'Training and serving'], ['lineage', 'Lineage']],
  source: [['about', 'About this source'], ['lineage', 'Lineage']],
  team: [['members', 'Members'], ['about', 'About'], ['owns', 'Owns'], ['single-owner', 'Owned by one member']],
  person: [['contact', 'Contact'], ['about', 'About'], ['owns', 'Owns']],
  glossary: [['definition', 'Definition'], ['columns', 'Columns that use it']],
  license: [['terms', 'Terms'], ['lineage', 'Lineage']],
};

/** The page's table of contents: its kind's sections, less those the entry has nothing for. */
export function entryToc(entry: Entry): TocItem[] {
  const d = entry.data as Record<string, unknown>;
  const present: Record<string, boolean> = {
    datasheet: entry.body.trim() !== '',
    about: entry.body.trim() !== '' || entry.kind === 'source',
    schema: d['schema'] !== undefined,
    splits: d['splits'] !== undefined,
    operations: d['monitoring'] !== undefined || d['retraining'] !== undefined,
    versions: Array.isArray(d['versions']) && d['versions'].length > 0,
  };
  return TOC[entry.kind].filter(([id]) => present[id] ?? true).map(([id, title]) => ({ id, title }));
}

function entryBody(catalog: Catalog, entry: Entry): EntryBody {
  switch (entry.kind) {
    case 'dataset':
      return datasetBody(catalog, entry);
    case 'model':
      return modelBody(catalog, entry);
    case 'feature':
      return featureBody(catalog, entry);
    case 'source':
      return sourceBody(catalog, entry);
    case 'team':
    case 'person':
      return teamBody(catalog, entry);
    case 'glossary':
      return glossaryBody(catalog, entry);
    case 'license':
      return licenseBody(catalog, entry);
  }
}

/** The contents with the probe section after the first (where the entry is found) and the history last. */
function withExtras(toc: TocItem[], probe: boolean, history: boolean): TocItem[] {
  const out = probe ? [...toc.slice(0, 1), { id: 'probe', title: 'Last probe' }, ...toc.slice(1)] : [...toc];
  if (history) out.push({ id: 'history', title: 'History' });
  return out;
}

/** The search filters of an entry, as key and value pairs: its page's, and its record's in the names index. */
export function searchFilters(entry: Entry, names?: OwnerNames): [string, string][] {
  const filters = facetValues(entry, names);
  return [['kind', KINDS[entry.kind].label], ...SEARCH_FACETS.flatMap((facet) => filters[facet].map((v): [string, string] => [facet, v]))];
}

export function entryPage(catalog: Catalog, id: string, context: PageContext = {}): EntryPageModel {
  const entry = catalog.byId.get(id);
  if (!entry) throw new Error(`No entry \`${id}\` in the catalog: an entry page needs one.`);
  const jsonLd = entryJsonLd(catalog, entry, { columnNamesOnly: true });
  const probe = probeSection(catalog, context.probes, entry.id);
  const history = entryHistory(context.history, entry);
  return {
    kind: entry.kind,
    id: entry.id,
    title: entry.data.title,
    description: entry.data.description,
    section: `${KINDS[entry.kind].folder}/`,
    jsonLd: jsonLd && jsonLdScript(jsonLd),
    filters: searchFilters(entry, catalog.byId),
    header: entryHeader(catalog, entry),
    toc: withExtras(entryToc(entry), probe !== undefined, history !== undefined),
    body: entryBody(catalog, entry),
    links: entry.data.links && [...entry.data.links],
    probe,
    history,
  };
}
