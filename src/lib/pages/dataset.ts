/** A dataset's page: where it lives, its datasheet, columns, splits, rights and lineage. */
import type { Column, Splits } from '../../../schemas/dataset.ts';
import { own } from '../own.ts';
import { classBalanceSvg, classesOf } from '../view/balance-chart.ts';
import { renderMarkdown, type RenderedBody } from '../view/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';
import { datasetColumnUsers, modelList, type ModelList } from './feature-uses.ts';
import { linksOf } from './links.ts';
import { columnAnchor } from './model-features.ts';
import { rightsPanel, type RightsModel } from './rights.ts';

export interface ColumnRow {
  column: Column;
  /** Whether the column is the dataset's sample id. */
  sampleId: boolean;
  /** The glossary term as a link, or empty. */
  termHtml: string;
  /**
   * The upstream column it is derived from: its dataset, linked to the column's row when the
   * catalog holds it, and the column's name only when it differs from this one's (most
   * columns keep their name downstream, and the name on every row was a tenth of the table).
   */
  from?: { id: string; url?: string | undefined; column?: string | undefined } | undefined;
  /** The row's id, which model pages link their features to. */
  anchor: string;
  /** The models that use the column as a feature, directly or through a feature entry; bounded. */
  usedBy?: ModelList | undefined;
}

export interface SplitsModel {
  method: string;
  stratifyBy?: string | undefined;
  groupBy?: string | undefined;
  timeColumn?: string | undefined;
  seed?: number | undefined;
  /** The class names, one column each. */
  classes: string[];
  temporal: boolean;
  parts: {
    name: string;
    /** Marked "not for training". */
    notForTraining: boolean;
    rows: string;
    /** Its share of all rows, as a percentage. */
    share: string;
    /** Each class's count and share of the part; undefined where the part does not count it. */
    classes: ({ count: string; share: string } | undefined)[];
    from?: string | undefined;
    to?: string | undefined;
  }[];
  /** The class-balance chart as SVG, drawn at build time. */
  chart?: string | undefined;
  stratified: boolean;
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
  schema?: {
    title: string;
    columns: ColumnRow[];
    /** What the "From" column means, when a column has one. */
    fromNote?: string | undefined;
    /** Whether any column is used as a feature: only then does the table have a "Used by" column. */
    showUsedBy?: boolean | undefined;
  } | undefined;
  splits?: SplitsModel | undefined;
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

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Split parts with rows, shares and per-class counts, and the class-balance chart. */
export function splitsModel(splits: Splits, totalRows: number | undefined, id: string): SplitsModel {
  const classes = classesOf(splits);
  const sum = splits.parts.reduce((a, p) => a + (p.rows ?? 0), 0);
  const total = totalRows ?? (sum || undefined);
  return {
    method: splits.method,
    stratifyBy: splits.stratify_by,
    groupBy: splits.group_by,
    timeColumn: splits.time_column,
    seed: splits.seed,
    classes,
    temporal: splits.method === 'temporal',
    stratified: splits.method === 'stratified',
    parts: splits.parts.map((p) => {
      const partTotal = p.classes ? Object.values(p.classes).reduce((a, b) => a + b, 0) : 0;
      return {
        name: p.name,
        notForTraining: p.training === false,
        rows: p.rows?.toLocaleString('en') ?? '—',
        share: p.fraction !== undefined ? pct(p.fraction) : p.rows !== undefined && total ? pct(p.rows / total) : '—',
        classes: classes.map((c) => {
          const n = own(p.classes, c);
          return n === undefined ? undefined : { count: n.toLocaleString('en'), share: partTotal ? pct(n / partTotal) : '' };
        }),
        from: p.from,
        to: p.to,
      };
    }),
    chart: classBalanceSvg(splits, { idPrefix: `balance-${id}` }),
  };
}

export function datasetBody(catalog: Catalog, entry: Entry<'dataset'>): DatasetBody {
  const links = linksOf(catalog);
  const d = entry.data;
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  const usersOf = datasetColumnUsers(catalog, entry);
  // A term's description as tooltip on its first column only: a term often names many columns.
  const termed = new Set<string>();
  const columns: ColumnRow[] | undefined = d.schema?.map((c) => {
    let from: ColumnRow['from'];
    if (c.derived_from) {
      const dot = c.derived_from.indexOf('.');
      const id = c.derived_from.slice(0, dot);
      const column = c.derived_from.slice(dot + 1);
      const url = links.entryLink(id);
      from = { id, url: url && `${url}#${columnAnchor(column)}`, column: column === c.name ? undefined : column };
    }
    const models = usersOf(c.name);
    const firstUse = c.term !== undefined && !termed.has(c.term);
    if (c.term) termed.add(c.term);
    return {
      column: c,
      sampleId: c.name === d.sample_id,
      termHtml: c.term ? links.ref(c.term, firstUse) : '',
      from,
      anchor: columnAnchor(c.name),
      usedBy: models?.length ? modelList(catalog, models) : undefined,
    };
  });
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
    schema: d.schema &&
      columns && {
        title: `Schema (${d.schema.length} columns)`,
        columns,
        fromNote: columns.some((c) => c.from) ? 'From: the upstream column of the same name, unless another is named.' : undefined,
        showUsedBy: columns.some((c) => c.usedBy !== undefined),
      },
    splits: d.splits && splitsModel(d.splits, d.size?.rows, entry.id),
    rights: rightsPanel(catalog, entry),
    lineage: lineageSection(catalog, entry),
  };
}
