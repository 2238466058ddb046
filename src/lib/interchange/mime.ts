/**
 * Catalog formats (`parquet`, `jsonl.gz`, `delta`) as MIME types, which Croissant's
 * `encodingFormat` and Frictionless' `mediatype` expect. Where mlcroissant reads a format,
 * the type is the one it recognises (`mlcroissant/_src/core/constants.py`, `EncodingFormat`):
 * `application/x-parquet` and `application/jsonlines` rather than newer registrations, so
 * records load. Compression stays in the file extension (`*.jsonl.gz`), which the readers
 * infer; a table in a warehouse has no file type and gets none.
 */
import { own } from '../own.ts';

export interface FormatInfo {
  /** The MIME type of one file of this format. */
  mime: string;
  /** The file extension a folder of this format holds, for a FileSet's `includes` glob. */
  extension: string;
}

export const FORMAT_MIME: Readonly<Record<string, FormatInfo>> = {
  csv: { mime: 'text/csv', extension: 'csv' },
  'csv.gz': { mime: 'text/csv', extension: 'csv.gz' },
  tsv: { mime: 'text/tab-separated-values', extension: 'tsv' },
  parquet: { mime: 'application/x-parquet', extension: 'parquet' },
  // A Delta Lake table is a folder of Parquet files plus a transaction log.
  delta: { mime: 'application/x-parquet', extension: 'parquet' },
  json: { mime: 'application/json', extension: 'json' },
  jsonl: { mime: 'application/jsonlines', extension: 'jsonl' },
  ndjson: { mime: 'application/jsonlines', extension: 'ndjson' },
  'jsonl.gz': { mime: 'application/jsonlines', extension: 'jsonl.gz' },
  avro: { mime: 'application/avro', extension: 'avro' },
  orc: { mime: 'application/x-orc', extension: 'orc' },
  arrow: { mime: 'application/vnd.apache.arrow.file', extension: 'arrow' },
  txt: { mime: 'text/plain', extension: 'txt' },
  text: { mime: 'text/plain', extension: 'txt' },
  xml: { mime: 'application/xml', extension: 'xml' },
  zip: { mime: 'application/zip', extension: 'zip' },
  tar: { mime: 'application/x-tar', extension: 'tar' },
  'tar.gz': { mime: 'application/x-gzip', extension: 'tar.gz' },
  tgz: { mime: 'application/x-gzip', extension: 'tgz' },
  jpg: { mime: 'image/jpeg', extension: 'jpg' },
  jpeg: { mime: 'image/jpeg', extension: 'jpeg' },
  png: { mime: 'image/png', extension: 'png' },
  mp3: { mime: 'audio/mpeg', extension: 'mp3' },
  wav: { mime: 'audio/wav', extension: 'wav' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

/** What a file or folder of the given format is, when the table knows it (case-insensitive). */
export function formatInfo(format: string | undefined): FormatInfo | undefined {
  if (!format) return undefined;
  return own(FORMAT_MIME, format.trim().toLowerCase().replace(/^\./, ''));
}

/** Type/subtype as RFC 6838 allows them, or mlcroissant's `git+https` for repositories. */
export const MIME_PATTERN = /^(?:[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;.*)?|git\+https)$/i;

/** The catalog format of a MIME type, for imports: the first format the table maps to it. */
export function formatOfMime(mime: string): string | undefined {
  const type = mime.split(';')[0]!.trim().toLowerCase();
  return Object.entries(FORMAT_MIME).find(([, info]) => info.mime === type)?.[0];
}
