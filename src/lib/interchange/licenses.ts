/**
 * Licenses as foreign metadata writes them (`apache-2.0`, `CC BY-SA 4.0`, a Creative
 * Commons URL, a list) mapped to SPDX. What cannot be mapped is not guessed.
 */
import parseSpdx from 'spdx-expression-parse';
import correctSpdx from 'spdx-correct';

const NOT_A_LICENSE = /^(other|unknown|none|n\/a|license|public|custom|proprietary|unlicensed)$/i;

function valid(expression: string): boolean {
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}

/** Creative Commons and opensource.org URLs name their license in the path. */
function fromUrl(url: string): string | undefined {
  const cc = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/i.exec(url);
  if (cc) {
    if (cc[1]!.toLowerCase() === 'publicdomain') return cc[2]!.toLowerCase() === 'zero' ? `CC0-${cc[3]}` : undefined;
    return `CC-${cc[2]!.toUpperCase()}-${cc[3]}`;
  }
  const osi = /opensource\.org\/licenses?\/([A-Za-z0-9.+-]+)/i.exec(url);
  if (osi) return one(osi[1]!.replace(/\.(php|html)$/, ''));
  const spdx = /spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(\.html|\.json)?$/i.exec(url);
  if (spdx) return one(spdx[1]!);
  const choose = /choosealicense\.com\/licenses\/([a-z0-9.-]+)/i.exec(url);
  if (choose) return one(choose[1]!);
  return undefined;
}

function one(value: string): string | undefined {
  const text = value.trim();
  if (!text || NOT_A_LICENSE.test(text)) return undefined;
  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  if (valid(text)) return text;
  const corrected = correctSpdx(text, { upgrade: true });
  return corrected && valid(corrected) ? corrected : undefined;
}

export interface MappedLicense {
  /** The SPDX expression, when every part could be mapped. */
  spdx?: string;
  /** The original values, as text, for the body when not every part mapped. */
  original: string[];
}

/**
 * Maps one license or several. Several licenses on one dataset (per subset, typically)
 * all bind someone who uses the whole, so they are joined with AND.
 */
export function mapLicense(value: unknown): MappedLicense {
  const values = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .map(licenseText)
    .filter((v): v is string => v !== undefined && v.trim() !== '');
  const mapped = values.map(one);
  if (values.length === 0 || mapped.some((m) => m === undefined)) return { original: values };
  const unique = [...new Set(mapped as string[])];
  const spdx = unique.length === 1 ? unique[0]! : unique.map((m) => (/\s/.test(m) ? `(${m})` : m)).join(' AND ');
  return valid(spdx) ? { spdx, original: values } : { original: values };
}

/** A license value may be text, a URL, or an object (`sc:CreativeWork`, Frictionless `{name, path}`). */
function licenseText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    for (const key of ['name', 'id', 'identifier', 'url', 'path', '@id']) {
      const text = v[key];
      if (typeof text === 'string' && (one(text) || key === 'url' || key === 'path')) return text;
    }
    for (const key of ['name', 'title', 'url', 'path']) if (typeof v[key] === 'string') return v[key] as string;
  }
  return undefined;
}

/** A URL for an SPDX id, for formats that want one (schema.org, Croissant). */
export function licenseUrl(expression: string): string | undefined {
  try {
    const node = parseSpdx(expression);
    if ('license' in node) return `https://spdx.org/licenses/${node.license}.html`;
  } catch {
    return undefined;
  }
  return undefined;
}
