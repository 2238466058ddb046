/** Entry ids from foreign names: lowercase kebab-case, as the catalog requires. */
import path from 'node:path';
import { ID_PATTERN } from '../ids.ts';

/** `Qwen/Qwen2.5-Coder-7B` → `qwen-qwen2-5-coder-7b`; undefined when nothing usable is left. */
export function toId(name: string): string | undefined {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ID_PATTERN.test(id) ? id : undefined;
}

/**
 * The id a file's entry gets (`file` with its folder, so a README can be named by it): its name without extension (a README or datapackage is
 * named by its folder). Mirrors and caches flatten `owner/name` as `owner__name`; the
 * part after the last `__` is the name.
 */
export function idFromFileName(file: string): string | undefined {
  const ext = path.extname(file);
  let base = path.basename(file, ext);
  if (/^(readme|datapackage|dataset_infos|croissant|metadata|model_card)$/i.test(base.replace(/\.(package|json)$/i, ''))) {
    base = path.basename(path.dirname(file)) || base;
  }
  base = base.replace(/\.(package|dataset_infos|croissant)$/i, '');
  const last = base.split('__').filter(Boolean).at(-1) ?? base;
  return toId(last) ?? toId(base);
}

/** A readable title from an id: `conll-2003` → `Conll 2003`. */
export function titleFromId(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
