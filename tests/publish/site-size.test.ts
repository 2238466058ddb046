/** The built site's size against the hosts' limits, and the command the Pages workflow runs before uploading. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveMatters, formatBytes, HOST_LIMITS, limitsExceeded, measureArchive, measureSite, measureSiteFor, partsReport, sitePartOf, sizeReport } from '../../src/lib/publish/site-size.ts';
import { main } from '../../scripts/site-limits.ts';
import { writeProject } from '../helpers/catalog.ts';

const site = () => writeProject({ 'dist/index.html': 'x'.repeat(1000), 'dist/a/b/page.html': 'y'.repeat(500), 'dist/pagefind/p.pf': new Uint8Array(24) });

async function cli(argv: string[], hosts = HOST_LIMITS) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t), hosts);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the site size', () => {
  it('counts every file and byte under the output folder, nested folders included', () => {
    expect(measureSite(path.join(site(), 'dist'))).toMatchObject({ bytes: 1524, files: 3 });
  });

  it('counts them again by what they are for, largest part first', () => {
    const dir = writeProject({
      'dist/datasets/a/index.html': 'a'.repeat(300),
      'dist/datasets/b/index.html': 'b'.repeat(200),
      'dist/datasets/b/impacts/index.html': 'c'.repeat(150),
      'dist/datasets/b/impacts/2/index.html': 'c'.repeat(150),
      'dist/datasets/index.html': 'd'.repeat(40),
      'dist/names/manifest.json': 'e'.repeat(100),
    });
    const size = measureSite(path.join(dir, 'dist'));
    expect(size.parts).toEqual([
      { part: 'dataset pages', bytes: 500, files: 2 },
      { part: 'closure list pages', bytes: 300, files: 2 },
      { part: 'search indexes', bytes: 100, files: 1 },
      { part: 'dataset index pages', bytes: 40, files: 1 },
    ]);
    expect(partsReport(size, 2)).toBe('Largest parts: dataset pages 500 bytes (2 files), closure list pages 300 bytes (2 files); the rest 140 bytes.');
  });

  it('tells an entry page from its closure lists, its kind\'s index, and what is not an entry\'s', () => {
    expect(sitePartOf('models/churn/index.html')).toBe('model pages');
    expect(sitePartOf('glossary/churn/depends-on/index.html')).toBe('closure list pages');
    expect(sitePartOf('sources/page/3/index.html')).toBe('source index pages');
    expect(sitePartOf('pagefind-12/fragment/x.pf_fragment')).toBe('search indexes');
    expect(sitePartOf('catalog.json')).toBe('catalog manifest');
    expect(sitePartOf('catalog/datasets.json.gz')).toBe('catalog manifest');
    expect(sitePartOf('lineage/12.json.gz')).toBe('lineage views');
    expect(sitePartOf('_astro/Base.css')).toBe('scripts and styles');
    expect(sitePartOf('guide/index.html')).toBe('other pages');
    expect(sitePartOf('favicon.svg')).toBe('other files');
  });

  it('reads in decimal units, like the hosts state their limits', () => {
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(52_400)).toBe('52 KB');
    expect(formatBytes(955_000_000)).toBe('955.0 MB');
    expect(formatBytes(4_600_000_000)).toBe('4.60 GB');
    expect(sizeReport({ bytes: 955_000_000, files: 120_000 })).toBe('Site: 955.0 MB in 120,000 files.');
  });

  it('names each limit a site exceeds, and none for a site that fits', () => {
    expect(limitsExceeded({ bytes: 1e9, files: 200_000, archiveBytes: 2 ** 30 })).toEqual([]);
    expect(limitsExceeded({ bytes: 10e9 + 1, files: 200_001, archiveBytes: 2 ** 30 + 1 })).toEqual([
      'GitHub Pages accepts at most 10.00 GB; this site is 10.00 GB.',
      'GitHub Pages accepts an upload of at most 1.07 GB (the site as one compressed tar file); this site\'s is 1.07 GB.',
      'GitLab Pages accepts at most 1.00 GB; this site is 10.00 GB.',
      'GitLab Pages accepts at most 200,000 files; this site has 200,001.',
    ]);
    // GitHub Pages counts no files, and weighs the compressed upload, not the files.
    const github = HOST_LIMITS.filter((h) => h.id === 'github');
    expect(limitsExceeded({ bytes: 3e9, files: 300_000, archiveBytes: 7e8 }, github)).toEqual([]);
  });
});

describe('the compressed upload', () => {
  const tiny = { id: 'tiny', host: 'Tiny Pages', maxArchiveBytes: 100_000 };

  it('weighs about what tar and gzip make of the same folder', async () => {
    const dir = writeProject({
      'dist/index.html': '<p>A page that repeats itself.</p>\n'.repeat(4000),
      'dist/datasets/a/index.html': '<tr><td>column</td><td>string</td></tr>\n'.repeat(3000),
      'dist/pagefind/fragment/x.pf_fragment': randomBytes(20_000),
    });
    const site = path.join(dir, 'dist');
    const bytes = await measureArchive(site);
    // Random bytes do not compress; the two pages compress to almost nothing.
    expect(bytes).toBeGreaterThan(20_000);
    expect(bytes).toBeLessThan(24_000);
    let real: number | undefined;
    try {
      real = Number(execFileSync('sh', ['-c', 'tar -cf - -C "$1" . | gzip -6 | wc -c', 'sh', site], { encoding: 'utf8' }));
    } catch {
      console.log('tar or gzip is missing here: the archive was checked against its bounds only.');
    }
    if (real) expect(Math.abs(bytes - real)).toBeLessThan(real * 0.05);
  });

  it('matters to GitHub Pages only once the files and their tar headers could pass 1 GiB', () => {
    expect(archiveMatters({ bytes: 1e9, files: 10_000 })).toEqual([]);
    expect(archiveMatters({ bytes: 2.4e9, files: 150_000 }).map((h) => h.id)).toEqual(['github']);
  });

  it('is measured only when the files alone could exceed a limit on it', async () => {
    const dir = writeProject({ 'dist/index.html': 'x'.repeat(1000) });
    expect((await measureSiteFor(path.join(dir, 'dist'), [tiny])).archiveBytes).toBeUndefined();
    const big = writeProject({ 'dist/index.html': 'x'.repeat(200_000) });
    let told = false;
    const size = await measureSiteFor(path.join(big, 'dist'), [tiny], () => (told = true));
    expect(told).toBe(true);
    // 200 KB of one letter compresses to well under the limit: the host takes the site.
    expect(size.archiveBytes).toBeLessThan(2_000);
    expect(limitsExceeded(size, [tiny])).toEqual([]);
    expect(sizeReport(size)).toMatch(/^Site: 200 KB in 1 files; compressed as GitHub Pages' upload, \d+ bytes\.$/);
  });
});

describe('the limits command', () => {
  it('prints the size and succeeds for a site that fits', async () => {
    const result = await cli([path.join(site(), 'dist'), '--host', 'github']);
    expect(result).toEqual({ code: 0, out: 'Site: 2 KB in 3 files.', err: '' });
  });

  it('fails with the limits exceeded and what to do, for a host that would refuse the site', async () => {
    const dir = writeProject(Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`dist/p${i}.html`, 'z'])));
    // A host of two files stands in for GitLab's 200,000: the command reads the same list.
    const result = await cli([path.join(dir, 'dist'), '--host', 'tiny'], [...HOST_LIMITS, { id: 'tiny', host: 'Tiny Pages', maxBytes: 2, maxFiles: 2 }]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('The site is too large to publish:\n  - Tiny Pages accepts at most 2 bytes; this site is 3 bytes.\n  - Tiny Pages accepts at most 2 files; this site has 3.');
    expect(result.err).toContain('Largest parts: other pages 3 bytes (3 files).');
    expect(result.err).toContain('Publish on a host without these limits');
  });

  it('says so when there is no built site, or the host is unknown', async () => {
    expect(await cli([path.join(site(), 'missing')])).toMatchObject({ code: 2, err: expect.stringContaining('run `npm run build` first') });
    expect(await cli([path.join(site(), 'dist'), '--host', 'netlify'])).toMatchObject({ code: 2, err: 'Unknown host `netlify`: expected one of `github`, `gitlab`.' });
  });
});
