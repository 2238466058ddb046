/** A built catalog whose entry texts are let go: each is read again from its file when asked for, and only if it is unchanged. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ReadError } from '../../src/lib/load/read-file.ts';
import { releaseTexts } from '../../src/lib/load/release-texts.ts';
import { writeProject } from '../helpers/catalog.ts';

const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';
const DATASET = '---\ntitle: Events — raw\ndescription: Every event.\nowners: [t]\n---\n\n## Motivation\n\nWhy it exists.\n';

function released() {
  const dir = writeProject({ 'content/teams/t.yaml': TEAM, 'content/datasets/events.md': DATASET });
  const catalog = buildCatalog(path.join(dir, 'content'), { today: '2026-11-15' });
  const before = catalog.entries.map((e) => ({ text: e.text, yamlText: e.yamlText, body: e.body }));
  releaseTexts(catalog, catalog.config.max_file_bytes);
  return { dir, catalog, before };
}

describe('releasing a catalog’s texts', () => {
  it('reads each text, its YAML and its body again from the file, as they were', () => {
    const { catalog, before } = released();
    expect(catalog.entries.map((e) => ({ text: e.text, yamlText: e.yamlText, body: e.body }))).toEqual(before);
    const events = catalog.entries.find((e) => e.id === 'events')!;
    expect(Object.getOwnPropertyDescriptor(events, 'text')?.get).toBeTypeOf('function');
    expect(catalog.files.get(events.file)!.body).toBe(events.body);
    // Spread and serialized entries still carry their text.
    expect({ ...events }.body).toContain('Why it exists.');
    expect(JSON.parse(JSON.stringify(events)).text).toBe(DATASET);
  });

  it('stops with a message asking to run again when a file changed after it was read', () => {
    const { dir, catalog } = released();
    const file = path.join(dir, 'content', 'datasets', 'events.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Why it exists.', 'Why it exists, edited.'));
    const events = catalog.entries.find((e) => e.id === 'events')!;
    let error: unknown;
    try {
      void events.body;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).problem).toMatchObject({ message: 'File changed while Cardcat was reading the catalog', hint: 'Run the command again.' });
    expect((error as ReadError).message).toContain('events.md');
  });
});
