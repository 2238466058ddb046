/**
 * What the probe looks at: every source, dataset and license, with the addresses it
 * declares (a source's `url`, a dataset's `location.uri`, a license's `url`), which of them
 * can be reached over HTTP(S), and how often each entry asks to be checked.
 */
import type { Catalog, Entry } from '../types.ts';

export interface TargetLocation {
  url: string;
  /** The field it came from, as an author would look for it. */
  field: 'url' | 'location.uri';
  /** Why it is not probed; absent when it is. */
  skipped?: string;
}

/** An owner by id, with its kind when the id names a team or person in the catalog. */
export interface Owner {
  id: string;
  kind?: 'team' | 'person';
}

export interface Target {
  id: string;
  kind: 'source' | 'dataset' | 'license';
  /** Display path of the entry's file. */
  file: string;
  title: string;
  owners: Owner[];
  backup_source?: string;
  /** How often, as a duration, and where that came from. */
  every: string;
  every_from: 'checked.every' | 'config';
  locations: TargetLocation[];
}

/** Why an address cannot be probed, or undefined when it can. */
export function whyNotProbed(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an address the probe can reach (no scheme such as `https://`)';
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return undefined;
  return `the \`${parsed.protocol.slice(0, -1)}://\` scheme cannot be reached over HTTP`;
}

const location = (url: string, field: TargetLocation['field']): TargetLocation => {
  const skipped = whyNotProbed(url);
  return skipped ? { url, field, skipped } : { url, field };
};

/**
 * The entries the probe reports on, in catalog order. Sources and datasets are listed
 * even without an address (as not probed); a license only when it names its text's URL,
 * since most licenses are SPDX ids with nothing of their own to check.
 */
export function probeTargets(catalog: Catalog, defaultEvery: string): Target[] {
  const targets: Target[] = [];
  for (const entry of catalog.entries as Entry[]) {
    let locations: TargetLocation[];
    let every: string | undefined;
    let backup: string | undefined;
    if (entry.kind === 'source') {
      locations = entry.data.url ? [location(entry.data.url, 'url')] : [];
      every = entry.data.checked?.every;
      backup = entry.data.backup_source;
    } else if (entry.kind === 'dataset') {
      const uri = entry.data.location?.uri;
      locations = (uri === undefined ? [] : Array.isArray(uri) ? uri : [uri]).map((u) => location(u, 'location.uri'));
    } else if (entry.kind === 'license' && entry.data.url) {
      locations = [location(entry.data.url, 'url')];
    } else continue;
    targets.push({
      id: entry.id,
      kind: entry.kind,
      file: entry.file,
      title: entry.data.title,
      owners: entry.data.owners.map((id): Owner => {
        const kind = catalog.byId.get(id)?.kind;
        return kind === 'team' || kind === 'person' ? { id, kind } : { id };
      }),
      ...(backup ? { backup_source: backup } : {}),
      every: every ?? defaultEvery,
      every_from: every ? 'checked.every' : 'config',
      locations,
    });
  }
  return targets;
}
