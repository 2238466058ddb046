/** The same entry files as the catalog, read by Astro's own glob loader with no schema. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env['CATALOG_DIR'];
if (!base) throw new Error('Set CATALOG_DIR to the content folder to build');

export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '**/*.md', base }) }),
  records: defineCollection({ loader: glob({ pattern: '**/*.{yaml,yml}', base }) }),
};
