/** A dataset's page: where it lives, its datasheet, columns, splits, rights and lineage. */
import type { Column, Splits } from '../../../schemas/dataset.ts';
import { renderMarkdown, type RenderedBody } from '../site/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';
import { linksOf } from './links.ts';
import { rightsPanel, type RightsModel } from './rights.ts';

export interface ColumnRow {
  column: Column;
  /** Whether the column is the dataset's sample id. */
  sampleId: boolean;
  /** The glossary term as a link, or empty. */
  termHtml: string;
  /** The upstream column it is derived from: its dataset (linked when known) and column name. */
  from?: { id: string; url?: string | undefined; column: string } | undefined;
}

export interface DatasetBody {
  kind: 'dataset';
  where: {
    uris: string[];
    format?: string | undefined;
    backups?: string[] | undefined;
    rows?: string | undefined;
    size?: string | undefined;
    sources?: { primary: string[]; secondary?: string[] | undefined } | undefined;
    builtFrom?: { ref: string; version?: string | undefined; split?: string | undefined; model: boolean; transform?: string | undefined }[] | undefined;
    versions: { version: string; date?: string | undefined; rows?: string | undefined; changes?: string | undefined }[];
    /** Whether a location was declared at all. */
    located: boolean;
  };
  datasheet?: RenderedBody | undefined;
  schema?: { title: string; columns: ColumnRow[] } | undefined;
  splits?: { splits: Splits; totalRows?: number | undefined; id: string } | undefined;
  rights: RightsModel;
  lineage: LineageModel;
}

const list = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

/** Bytes in binary units, as people read sizes: `1.5 GB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 && i ? 1 : 0)} ${units[i]}`;
}

export function datasetBody(catalog: Catalog, entry: Entry<'dataset'>): DatasetBody {
  const links = linksOf(catalog);
  const d = entry.data;
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  return {
    kind: 'dataset',
    where: {
      located: d.location !== undefined,
      uris: list(d.location?.uri),
      format: d.location?.format,
      backups: d.location?.backup === undefined ? undefined : list(d.location.backup),
      rows: d.size?.rows?.toLocaleString('en'),
      size: d.size?.bytes === undefined ? undefined : formatBytes(d.size.bytes),
      sources: d.sources && {
        primary: list(d.sources.primary).map((s) => links.ref(s)),
        secondary: d.sources.secondary ? list(d.sources.secondary).map((s) => links.ref(s)) : undefined,
      },
      builtFrom: d.derived_from?.map((u) => {
        const [id, pinned] = (u.dataset ?? u.model)!.split('@') as [string, string | undefined];
        return { ref: links.ref(id), version: u.version ?? pinned, split: u.split, model: u.model !== undefined, transform: u.transform };
      }),
      versions: [...(d.versions ?? [])].reverse().map((v) => ({ version: v.version, date: v.date, rows: v.rows?.toLocaleString('en'), changes: v.changes })),
    },
    datasheet: body.html.trim() ? body : undefined,
    schema: d.schema && {
      title: `Schema (${d.schema.length} columns)`,
      columns: d.schema.map((c) => {
        let from: ColumnRow['from'];
        if (c.derived_from) {
          const dot = c.derived_from.indexOf('.');
          const id = c.derived_from.slice(0, dot);
          from = { id, url: links.entryLink(id), column: c.derived_from.slice(dot + 1) };
        }
        return { column: c, sampleId: c.name === d.sample_id, termHtml: c.term ? links.ref(c.term) : '', from };
      }),
    },
    splits: d.splits && { splits: d.splits, totalRows: d.size?.rows, id: entry.id },
    rights: rightsPanel(catalog, entry),
    lineage: lineageSection(catalog, entry),
  };
}
