/** The demo catalog, loaded once per test file at a fixed day so its page models do not age. */
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog.ts';
import type { Catalog } from '../../src/lib/types.ts';

export const TODAY = '2026-11-23';
const content = path.resolve(import.meta.dirname, '..', '..', 'content');

let demo: Catalog | undefined;
export const demoCatalog = (): Catalog => (demo ??= buildCatalog(content, { today: TODAY }));

/** A model survives JSON unchanged: it holds no functions, maps or class instances. */
export const roundTrip = <T>(model: T): unknown => JSON.parse(JSON.stringify(model));
