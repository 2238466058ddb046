/** `npm run schemas`: regenerate schemas/json/ from the Zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemas } from '../src/lib/json-schema.ts';

const out = path.join(import.meta.dirname, '..', 'schemas', 'json');
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(path.join(out, name), text);
  console.log(`wrote schemas/json/${name}`);
}
