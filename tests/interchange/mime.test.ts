import { describe, expect, it } from 'vitest';
import { FORMAT_MIME, formatInfo, formatOfMime, MIME_PATTERN } from '../../src/lib/interchange/mime.ts';

describe('the format to MIME table', () => {
  it('gives every format a well-formed MIME type and an extension', () => {
    for (const [format, info] of Object.entries(FORMAT_MIME)) {
      expect(info.mime, format).toMatch(MIME_PATTERN);
      expect(info.extension, format).toMatch(/^[a-z0-9.]+$/);
    }
  });

  it('uses the types mlcroissant reads for the formats it loads', () => {
    expect(formatInfo('parquet')?.mime).toBe('application/x-parquet');
    expect(formatInfo('CSV')?.mime).toBe('text/csv');
    expect(formatInfo('jsonl.gz')).toEqual({ mime: 'application/jsonlines', extension: 'jsonl.gz' });
    expect(formatInfo('delta')).toEqual({ mime: 'application/x-parquet', extension: 'parquet' });
  });

  it('knows no type for a warehouse table or a made-up format', () => {
    expect(formatInfo('snowflake-table')).toBeUndefined();
    expect(formatInfo(undefined)).toBeUndefined();
  });

  it('reads a MIME type back as the first format that maps to it', () => {
    expect(formatOfMime('text/csv; charset=utf-8')).toBe('csv');
    expect(formatOfMime('application/x-parquet')).toBe('parquet');
    expect(formatOfMime('application/x-unknown')).toBeUndefined();
  });
});
