/**
 * Boundaries the folder layout promises, checked by reading the source tree: pages and
 * components render models and never read the catalog; the core and the schemas know
 * nothing of Astro; one glue module reads the catalog for every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const CATALOG_GLUE = path.join(root, 'src/astro/catalog.ts');
const PAGE_GLUE = path.join(root, 'src/astro/pages.ts');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(ts|astro|mjs|js)$/.test(f.name))
    .map((f) => path.join(f.parentPath, f.name));
}

// Static imports and re-exports, side-effect imports and dynamic imports, in .ts and in
// an .astro file's front matter and scripts alike.
const IMPORT = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What a file imports: relative specifiers as absolute paths, packages as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    return spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
  });
}

const rel = (file: string) => path.relative(root, file);
const isAstro = (spec: string) => spec === 'astro' || spec.startsWith('astro:') || spec.startsWith('astro/') || spec.startsWith('@astrojs/');

describe('the architecture', () => {
  const renderers = [...new Set([...filesUnder('src/components'), ...filesUnder('src/layouts'), ...filesUnder('src/pages'), ...filesUnder('src').filter((f) => f.endsWith('.astro'))])];

  it('finds the files it guards', () => {
    expect(renderers.length).toBeGreaterThan(20);
    expect(renderers.map(rel)).toContain('src/pages/[kind]/[id]/index.astro');
  });

  it('keeps every component, layout and page from reading the catalog: they render the model they are given', () => {
    const offenders = renderers.filter((file) => importsOf(file).includes(CATALOG_GLUE) || /\bgetCatalog\s*\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('reads the catalog for pages in one module, src/astro/pages.ts', () => {
    const callers = filesUnder('src')
      .filter((file) => file !== CATALOG_GLUE && /\bgetCatalog\s*\(/.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(callers).toEqual([rel(PAGE_GLUE)]);
  });

  it('keeps the core and the schemas free of Astro', () => {
    const offenders = [...filesUnder('src/lib'), ...filesUnder('schemas')].flatMap((file) => importsOf(file).filter(isAstro).map((spec) => `${rel(file)} imports ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the page models in the core, importing nothing from the site glue', () => {
    const site = path.join(root, 'src/astro');
    const offenders = filesUnder('src/lib').flatMap((file) => importsOf(file).filter((spec) => spec.startsWith(site + path.sep)).map((spec) => `${rel(file)} imports ${rel(spec)}`));
    expect(offenders).toEqual([]);
  });

  it('recognises each form of import it looks for', () => {
    const specs = [...`import a from './a.ts';\nexport { b } from "../b.ts";\nimport './c.css';\nconst d = await import('./d.ts');\nimport type { E } from 'astro';\n`.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(specs).toEqual(['./a.ts', '../b.ts', './c.css', './d.ts', 'astro']);
  });
});
