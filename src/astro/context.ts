/**
 * The probe results and git history pages show, read once per build beside the catalog
 * (`src/lib/pages/context.ts`). A build reads each once; the dev server reads the state
 * file again when it changes, and the history again when the catalog is rebuilt or a
 * commit is made.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { catalogHistory, type CatalogHistory } from '../lib/history/read.ts';
import type { PageContext } from '../lib/pages/context.ts';
import { ENTRY_CHANGES } from '../lib/pages/history.ts';
import { siteProbes, type SiteProbes } from '../lib/pages/probes.ts';
import { readSiteState, stateFileFor } from '../lib/probe/state.ts';
import type { Catalog } from '../lib/types.ts';

interface Cached {
  probes?: { catalog: Catalog; stamp: string; probes: SiteProbes | undefined; warning: string | undefined };
  history?: { catalog: Catalog; stamp: string; history: CatalogHistory };
  /** The git folder of each content folder, looked up once: undefined outside git. */
  gitDirs?: Map<string, string | undefined>;
}

// Shared by the content loader's and the pages' module instances, as the catalog is.
const CACHE = Symbol.for('cardcat.site.context');
const cache = globalThis as typeof globalThis & { [CACHE]?: Cached };

const PRODUCTION = process.env['NODE_ENV'] === 'production';

/** The state file's size and time, so the dev server sees a new probe run; '' in a build, which reads it once. */
function stamp(file: string): string {
  if (PRODUCTION) return '';
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'none';
  }
}

const shown = (abs: string) => {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
};

/** The probe results of `catalog`'s state file, or why a state file that exists shows none. */
export function probesOf(catalog: Catalog): { probes: SiteProbes | undefined; warning: string | undefined } {
  const cached = (cache[CACHE] ??= {});
  const now = stamp(stateFileFor(catalog.root));
  if (cached.probes?.catalog !== catalog || cached.probes.stamp !== now) {
    const read = readSiteState(catalog.root, shown);
    cached.probes = { catalog, stamp: now, probes: read.state && siteProbes(catalog, read.state), warning: read.warning };
  }
  return cached.probes;
}

/**
 * When HEAD last moved, in dev: git appends to `logs/HEAD` on every commit, checkout and
 * pull, so a commit of an edit already loaded shows without the content changing again.
 */
function headStamp(cached: Cached, root: string): string {
  if (PRODUCTION) return '';
  const dirs = (cached.gitDirs ??= new Map());
  if (!dirs.has(root)) {
    const found = spawnSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: root, encoding: 'utf8' });
    dirs.set(root, found.status === 0 ? found.stdout.trim() : undefined);
  }
  const dir = dirs.get(root);
  return dir ? stamp(path.join(dir, 'logs', 'HEAD')) : 'none';
}

/** The git history of `catalog`'s files: one `git log` per catalog built (and, in dev, per commit). */
export function historyOf(catalog: Catalog): CatalogHistory {
  const cached = (cache[CACHE] ??= {});
  const now = headStamp(cached, catalog.root);
  if (cached.history?.catalog !== catalog || cached.history.stamp !== now) {
    cached.history = { catalog, stamp: now, history: catalogHistory(catalog, { perFile: ENTRY_CHANGES }) };
  }
  return cached.history.history;
}

/** What the pages of `catalog` show from its probe state file and its git history. */
export function pageContext(catalog: Catalog): PageContext {
  const { probes, warning } = probesOf(catalog);
  return { probes, probeWarning: warning, history: historyOf(catalog) };
}
