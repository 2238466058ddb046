/**
 * The dev server as an author uses it: an edit, a rename, a deleted file and a changed
 * `cardcat.config.yaml` each show on the next requests, with no restart. The content
 * loader's store holds only the catalog's digest (src/astro/catalog-digest.ts), so this
 * is what says Astro still clears its cache of each route's paths when that digest changes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProject } from '../helpers/catalog.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';
const dataset = (title: string, extra = '') => `title: ${title}\ndescription: A dataset.\nowners: [t]\nreviewed: 2020-01-01\n${extra}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the dev server', () => {
  let project = '';
  let content = '';
  let base = '';
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    project = writeProject({
      'cardcat.config.yaml': 'rules:\n  staleness: warning\n',
      'content/teams/t.yaml': TEAM,
      'content/datasets/first.yaml': dataset('First'),
      'content/datasets/second.yaml': dataset('Second', 'derived_from: [{ dataset: first }]\n'),
    });
    content = path.join(project, 'content');
    const port = await freePort();
    base = `http://localhost:${port}`;
    const bin = path.join(root, 'node_modules', '.bin');
    // As an author's shell would start it: not as a test (Vitest sets these, and Astro reads them).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'));
    server = spawn(path.join(bin, 'node'), ['scripts/site.ts', 'dev', '--port', String(port)], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1', CATALOG_DIR: content, CARDCAT_TODAY: '2026-11-23' },
    });
    await new Promise<void>((resolve, reject) => {
      const look = (chunk: Buffer) => {
        output += chunk.toString();
        if (new RegExp(`localhost:${port}`).test(output)) resolve();
      };
      server!.stdout!.on('data', look);
      server!.stderr!.on('data', look);
      server!.on('exit', (code) => reject(new Error(`the dev server exited with ${code}:\n${output.slice(-800)}`)));
    });
  }, 120_000);

  afterAll(() => {
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  });

  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`);
    return { status: response.status, text: await response.text() };
  };
  /**
   * Waits for `test` to hold, as an author reloading the page would. How soon is for the
   * benchmark to say (`bench/dev-server.ts`); here a busy CI machine compiling a route for
   * the first time may take a while, so the wait is long and ends as soon as it holds.
   */
  const until = async (what: string, test: () => Promise<boolean>) => {
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      if (await test()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Never: ${what}.\n${output.slice(-800)}`);
  };

  it('shows an edit, a rename, a deletion and a changed config on the next requests', async () => {
    // Astro prints its address a moment before its routes answer.
    await until('the server answers', async () => (await get('/datasets/first/')).status === 200);
    expect((await get('/datasets/second/')).text).toContain('Second');

    writeFileSync(path.join(content, 'datasets', 'second.yaml'), dataset('Second, edited', 'derived_from: [{ dataset: first }]\n'));
    await until('the edited title shows', async () => (await get('/datasets/second/')).text.includes('Second, edited'));

    renameSync(path.join(content, 'datasets', 'second.yaml'), path.join(content, 'datasets', 'renamed.yaml'));
    await until('the renamed entry has a page', async () => (await get('/datasets/renamed/')).status === 200);
    expect((await get('/datasets/second/')).status).toBe(404);
    await until('the index lists the new name', async () => (await get('/datasets/')).text.includes('/datasets/renamed/'));

    rmSync(path.join(content, 'datasets', 'renamed.yaml'));
    await until('the deleted entry has no page', async () => (await get('/datasets/renamed/')).status === 404);

    // The health page lists the catalog's diagnostics.
    const stale = async () => (await get('/health/')).text.includes('reviews are due every');
    expect(await stale()).toBe(true);
    const config = path.join(project, 'cardcat.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('staleness: warning', 'staleness: off'));
    await until('the rule turned off in the config no longer shows', async () => !(await stale()));
  }, 300_000);
});
