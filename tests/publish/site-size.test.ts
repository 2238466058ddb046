/** The built site's size against the hosts' limits, and the command the Pages workflow runs before uploading. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, HOST_LIMITS, limitsExceeded, measureSite, sizeReport } from '../../src/lib/publish/site-size.ts';
import { main } from '../../scripts/site-limits.ts';
import { writeProject } from '../helpers/catalog.ts';

const site = () => writeProject({ 'dist/index.html': 'x'.repeat(1000), 'dist/a/b/page.html': 'y'.repeat(500), 'dist/pagefind/p.pf': new Uint8Array(24) });

function cli(argv: string[], hosts = HOST_LIMITS) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (t) => out.push(t), (t) => err.push(t), hosts);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the site size', () => {
  it('counts every file and byte under the output folder, nested folders included', () => {
    expect(measureSite(path.join(site(), 'dist'))).toEqual({ bytes: 1524, files: 3 });
  });

  it('reads in decimal units, like the hosts state their limits', () => {
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(52_400)).toBe('52 KB');
    expect(formatBytes(955_000_000)).toBe('955.0 MB');
    expect(formatBytes(4_600_000_000)).toBe('4.60 GB');
    expect(sizeReport({ bytes: 955_000_000, files: 120_000 })).toBe('Site: 955.0 MB in 120,000 files.');
  });

  it('names each limit a site exceeds, and none for a site that fits', () => {
    expect(limitsExceeded({ bytes: 1e9, files: 200_000 })).toEqual([]);
    expect(limitsExceeded({ bytes: 1e9 + 1, files: 200_001 })).toEqual([
      'GitHub Pages accepts at most 1.00 GB; this site is 1.00 GB.',
      'GitLab Pages accepts at most 1.00 GB; this site is 1.00 GB.',
      'GitLab Pages accepts at most 200,000 files; this site has 200,001.',
    ]);
    // GitHub Pages counts no files.
    expect(limitsExceeded({ bytes: 10, files: 300_000 }, HOST_LIMITS.filter((h) => h.id === 'github'))).toEqual([]);
  });
});

describe('the limits command', () => {
  it('prints the size and succeeds for a site that fits', () => {
    const result = cli([path.join(site(), 'dist'), '--host', 'github']);
    expect(result).toEqual({ code: 0, out: 'Site: 2 KB in 3 files.', err: '' });
  });

  it('fails with the limits exceeded and what to do, for a host that would refuse the site', () => {
    const dir = writeProject(Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`dist/p${i}.html`, 'z'])));
    // A host of two files stands in for GitLab's 200,000: the command reads the same list.
    const result = cli([path.join(dir, 'dist'), '--host', 'tiny'], [...HOST_LIMITS, { id: 'tiny', host: 'Tiny Pages', maxBytes: 2, maxFiles: 2 }]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('The site is too large to publish:\n  - Tiny Pages accepts at most 2 bytes; this site is 3 bytes.\n  - Tiny Pages accepts at most 2 files; this site has 3.');
    expect(result.err).toContain('Publish on a host without these limits');
  });

  it('says so when there is no built site, or the host is unknown', () => {
    expect(cli([path.join(site(), 'missing')])).toMatchObject({ code: 2, err: expect.stringContaining('run `npm run build` first') });
    expect(cli([path.join(site(), 'dist'), '--host', 'netlify'])).toMatchObject({ code: 2, err: 'Unknown host `netlify`: expected one of `github`, `gitlab`.' });
  });
});
