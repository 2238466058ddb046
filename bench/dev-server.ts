/**
 * How the dev server answers an author: the first and a later request to the home page, a
 * kind's index and an entry page, and how long after saving an edit the entry page shows
 * it. The server runs as `npm run dev` does, in its own process group, stopped at the end.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevTimings {
  /** From starting the server to its printing that it is ready. */
  startMs: number;
  pages: { path: string; firstMs: number; laterMs: number; status: number }[];
  /** From writing an entry's new title to its page showing it. */
  editVisibleMs: number | undefined;
}

const TIMEOUT_MS = 10 * 60_000;

export async function measureDevServer(options: { cwd: string; node: string; content: string; env: NodeJS.ProcessEnv; port: number }): Promise<DevTimings> {
  const { cwd, node, content, env, port } = options;
  const datasets = path.join(content, 'datasets');
  const names = readdirSync(datasets).sort();
  const file = path.join(datasets, names[Math.floor(names.length / 2)]!);
  const id = path.basename(file, path.extname(file));
  const original = readFileSync(file, 'utf8');
  const base = `http://localhost:${port}`;

  const started = performance.now();
  const server = spawn(node, ['scripts/site.ts', 'dev', '--port', String(port)], { cwd, env: { ...env, CATALOG_DIR: content }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (/localhost:\d+/.test(output)) resolve();
    };
    server.stdout.on('data', look);
    server.stderr.on('data', look);
    server.on('exit', (code) => reject(new Error(`the dev server exited with ${code}:\n${output.slice(-800)}`)));
  });
  try {
    await ready;
    const startMs = performance.now() - started;
    const get = async (url: string) => {
      const t = performance.now();
      const response = await fetch(`${base}${url}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await response.text();
      return { ms: performance.now() - t, status: response.status, text };
    };
    const pages: DevTimings['pages'] = [];
    for (const url of ['/', '/datasets/', `/datasets/${id}/`]) {
      const first = await get(url);
      const later = await get(url);
      pages.push({ path: url, firstMs: first.ms, laterMs: later.ms, status: later.status });
    }
    const title = `Edited for the bench ${Date.now()}`;
    const saved = performance.now();
    writeFileSync(file, original.replace(/^title: .*$/m, `title: ${title}`));
    let editVisibleMs: number | undefined;
    while (performance.now() - saved < TIMEOUT_MS) {
      const page = await get(`/datasets/${id}/`);
      if (page.text.includes(title)) {
        editVisibleMs = performance.now() - saved;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { startMs, pages, editVisibleMs };
  } finally {
    writeFileSync(file, original);
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
