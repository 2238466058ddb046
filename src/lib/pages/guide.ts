/** What the guide page takes from the catalog: its vocabulary of uses and two entries to learn from. */
import { editUrl } from '../view/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export interface GuideExample {
  title: string;
  url: string;
  /** Its source file in the repository, when the site names one. */
  editUrl?: string | undefined;
}

export interface GuideModel {
  /** The catalog's uses, with their description as a tooltip. */
  uses: { id: string; description?: string | undefined }[];
  /** An active dataset and a production model, when the catalog has them. */
  exampleDataset?: GuideExample | undefined;
  exampleModel?: GuideExample | undefined;
  urls: { health: string; reference: string; glossary: string; teams: string; features: string };
}

export function guidePage(catalog: Catalog): GuideModel {
  const links = linksOf(catalog);
  const example = (entry: Entry | undefined): GuideExample | undefined =>
    entry && {
      title: entry.data.title,
      url: links.link(`${entry.kind === 'dataset' ? 'datasets' : 'models'}/${entry.id}/`),
      editUrl: catalog.config.site.repo_url ? editUrl(catalog.config.site, entry.file) : undefined,
    };
  return {
    uses: Object.entries(catalog.config.uses).map(([id, u]) => ({ id, description: u.description })),
    exampleDataset: example(catalog.entries.find((e) => e.kind === 'dataset' && e.data.status === 'active')),
    exampleModel: example(catalog.entries.find((e) => e.kind === 'model' && e.data.stage === 'production')),
    urls: { health: links.link('health/'), reference: links.link('reference/'), glossary: links.kindLink('glossary'), teams: links.kindLink('team'), features: links.kindLink('feature') },
  };
}
