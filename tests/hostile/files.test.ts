import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { DATASET, TODAY, hostile, report, show } from './helpers.ts';

const md = (yaml: string, body = '# Motivation\nWhy.\n') => `---\n${yaml}---\n${body}`;

describe('bad files', () => {
  it('reports an empty Markdown file, and an empty YAML file by its missing fields', () => {
    expect(report({ 'datasets/a.md': '', 'datasets/b.yaml': '' })).toMatchInlineSnapshot(`
      "content/datasets/a.md:1:1 error [parse] Missing front matter: a Markdown entry starts with a \`---\` line, its YAML, and another \`---\` line
        hint: Start the file with:
      ---
      title: …
      ---
      content/datasets/b.yaml:1:1 error [schema] Missing required field \`title\`
        hint: Human-readable name, shown as the page title.
      content/datasets/b.yaml:1:1 error [schema] Missing required field \`description\`
        hint: One line saying what this dataset holds; shown in lists and search.
      content/datasets/b.yaml:1:1 error [schema] Missing required field \`owners\`
        hint: Teams or people accountable for this entry (ids of \`teams/\` or \`people/\` entries)."
    `);
  });

  it('reads a file that is only front matter, and reports empty front matter by its missing fields', () => {
    const { catalog } = hostile({ 'datasets/a.md': `---\n${DATASET}---\n`, 'datasets/b.md': '---\n---\n' });
    expect(show(catalog.diagnostics.filter((d) => d.rule !== 'completeness'))).toMatchInlineSnapshot(`
      "content/datasets/b.md:1:4 error [schema] Missing required field \`title\`
        hint: Human-readable name, shown as the page title.
      content/datasets/b.md:1:4 error [schema] Missing required field \`description\`
        hint: One line saying what this dataset holds; shown in lists and search.
      content/datasets/b.md:1:4 error [schema] Missing required field \`owners\`
        hint: Teams or people accountable for this entry (ids of \`teams/\` or \`people/\` entries)."
    `);
    expect(catalog.byId.get('a')?.body).toBe('');
  });

  it('reports front matter that is never closed, or not opened on the first line', () => {
    expect(report({ 'datasets/a.md': `---\n${DATASET}# Motivation\n`, 'datasets/b.md': `\n---\n${DATASET}---\n` })).toMatchInlineSnapshot(`
      "content/datasets/a.md:1:1 error [parse] Front matter is never closed: no second \`---\` line after the YAML
        hint: Add a line \`---\` after the last front-matter field.
      content/datasets/b.md:1:1 error [parse] Missing front matter: a Markdown entry starts with a \`---\` line, its YAML, and another \`---\` line
        hint: Start the file with:
      ---
      title: …
      ---"
    `);
  });

  it('reads a file with a byte order mark, with columns counted as an editor shows them', () => {
    expect(report({ 'datasets/a.md': `\ufeff${md(`${DATASET}bogus: 1\n`)}`, 'datasets/b.yaml': `\ufeff${DATASET}  bad: indent\n` })).toMatchInlineSnapshot(`
      "content/datasets/a.md:6:1 error [schema] Unknown field \`bogus\`
        hint: Fields allowed here: \`title\`, \`description\`, \`owners\`, \`status\`, \`replaced_by\`, \`tags\`, \`domain\`, \`reviewed\`, \`review_every\`, \`links\`, \`location\`, \`size\`, \`versions\`, \`sources\`, \`derived_from\`, \`sample_id\`, \`schema\`, \`splits\`, \`rights\`.
      content/datasets/b.yaml:4:11 error [yaml] Nested mappings are not allowed in compact mappings
      content/datasets/b.yaml:4:11 error [yaml] Implicit keys need to be on a single line"
    `);
  });

  it('reads CRLF line ends with the same lines and columns as LF', () => {
    const lf = { 'datasets/a.md': md(`${DATASET}bogus: 1\nsize: { rows: many }\n`), 'datasets/b.yaml': `${DATASET}domain: one\ndomain: two\n` };
    const crlf = Object.fromEntries(Object.entries(lf).map(([k, v]) => [k, v.replaceAll('\n', '\r\n')]));
    expect(report(crlf)).toBe(report(lf));
    expect(report(crlf)).toMatchInlineSnapshot(`
      "content/datasets/a.md:6:1 error [schema] Unknown field \`bogus\`
        hint: Fields allowed here: \`title\`, \`description\`, \`owners\`, \`status\`, \`replaced_by\`, \`tags\`, \`domain\`, \`reviewed\`, \`review_every\`, \`links\`, \`location\`, \`size\`, \`versions\`, \`sources\`, \`derived_from\`, \`sample_id\`, \`schema\`, \`splits\`, \`rights\`.
      content/datasets/a.md:7:15 error [schema] Expected a number for \`rows\`, found \`many\`
      content/datasets/b.yaml:6:1 error [yaml] Duplicate key \`domain\`: each key may appear once in a mapping
        hint: Each key may appear once per mapping; remove or merge the repeated one.
        see: content/datasets/b.yaml:5:1 \`domain\` is first set here"
    `);
  });

  it('reports bytes that are not UTF-8 at the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from(`${DATASET}domain: caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(report({ 'datasets/a.yaml': bytes })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:13 error [parse] File is not valid UTF-8
        hint: Re-save the file with UTF-8 encoding."
    `);
  });

  it('reports a binary file without parsing it', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(report({ 'datasets/a.md': png, 'datasets/b.yaml': Buffer.concat([Buffer.from(DATASET), Buffer.from([0])]) })).toMatchInlineSnapshot(`
      "content/datasets/a.md:1:1 error [parse] File is binary (it contains NUL bytes), not Markdown or YAML
      content/datasets/b.yaml:1:1 error [parse] File is binary (it contains NUL bytes), not Markdown or YAML"
    `);
  });

  it('reports a 20 MB file over the configured size limit without reading it as YAML', () => {
    // Generated here, never committed: a valid start, then 20 MB of rows.
    const big = `${DATASET}tags:\n${'  - x\n'.repeat(Math.ceil(20_000_000 / 6))}`;
    const { catalog } = hostile({ 'datasets/a.yaml': big, 'datasets/b.yaml': DATASET }, 'max_file_bytes: 5000000\n');
    expect(show(catalog.diagnostics)).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:1:1 error [parse] File is 20,000,084 bytes, over the limit of 5,000,000
        hint: Keep data out of the catalog and link to it from \`location\`; raise \`max_file_bytes\` in cardcat.config.yaml if the entry really is this large."
    `);
    expect(catalog.files.has('content/datasets/a.yaml')).toBe(false);
    expect(catalog.byId.has('b')).toBe(true);
  });

  it('does not follow symbolic links out of the content folder, for files or kind folders', () => {
    const { project } = hostile({ 'datasets/a.yaml': DATASET });
    const outside = path.join(project, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.yaml'), DATASET.replace('title: A', 'title: Secret'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(project, 'content', 'datasets', 'secret.yaml'));
    symlinkSync(outside, path.join(project, 'content', 'models'));
    symlinkSync(path.join(project, 'nowhere.yaml'), path.join(project, 'content', 'datasets', 'gone.yaml'));
    const catalog = buildCatalog(path.join(project, 'content'), { today: TODAY });
    expect(show(catalog.diagnostics).replaceAll(project, '<project>')).toMatchInlineSnapshot(`
      "content/datasets/gone.yaml:1:1 error [layout] Broken symbolic link: its target does not exist
      content/datasets/secret.yaml:1:1 error [layout] Symbolic link points outside the content folder, to \`<project>/outside/secret.yaml\`
        hint: Copy the file into the catalog instead; links outside it are not followed.
      content/models:1:1 error [layout] Symbolic link points outside the content folder, to \`<project>/outside\`
        hint: Copy the file into the catalog instead; links outside it are not followed."
    `);
    expect([...catalog.byId.keys()]).not.toContain('secret');
  });

  it('follows a link inside the content folder once, and stops at a link back up the tree', () => {
    const { project } = hostile({ 'datasets/real/a.yaml': DATASET });
    symlinkSync('..', path.join(project, 'content', 'datasets', 'real', 'loop'));
    symlinkSync(path.join(project, 'content', 'datasets', 'real', 'a.yaml'), path.join(project, 'content', 'datasets', 'b.yaml'));
    const catalog = buildCatalog(path.join(project, 'content'), { today: TODAY });
    expect(show(catalog.diagnostics.filter((d) => d.rule === 'layout'))).toMatchInlineSnapshot(`
      "content/datasets/real/loop:1:1 warning [layout] Symbolic link leads back to a folder already read; it is skipped
        hint: Remove the link: each entry file should appear once."
    `);
    expect([...catalog.byId.keys()].filter((id) => id === 'a' || id === 'b').sort()).toEqual(['a', 'b']);
  });

  it('reports a named pipe instead of blocking on it', () => {
    const { project } = hostile({});
    mkdirSync(path.join(project, 'content', 'datasets'), { recursive: true });
    try {
      execFileSync('mkfifo', [path.join(project, 'content', 'datasets', 'pipe.yaml')]);
    } catch {
      console.log('skipped: mkfifo is not available here');
      return;
    }
    const catalog = buildCatalog(path.join(project, 'content'), { today: TODAY });
    expect(show(catalog.diagnostics)).toMatchInlineSnapshot(`
      "content/datasets/pipe.yaml:1:1 error [layout] Unexpected \`pipe.yaml\`: not a regular file
        hint: Entries are ordinary files."
    `);
  });

  it('reports file names that are not ids, with the id to rename to', () => {
    expect(
      report({
        'datasets/Viewing Events.md': md(DATASET),
        'datasets/under_score.yaml': DATASET,
        'datasets/--.yaml': DATASET,
        'datasets/ünïcode.yaml': DATASET,
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/--.yaml:1:1 error [id] Unexpected file name \`--.yaml\`: an id must be lowercase kebab-case
        hint: Rename it to a lowercase kebab-case id, such as \`viewing-events.md\`.
      content/datasets/Viewing Events.md:1:1 error [id] Unexpected file name \`Viewing Events.md\`: an id must be lowercase kebab-case
        hint: Rename it to \`viewing-events.md\`.
      content/datasets/under_score.yaml:1:1 error [id] Unexpected file name \`under_score.yaml\`: an id must be lowercase kebab-case
        hint: Rename it to \`under-score.yaml\`.
      content/datasets/ünïcode.yaml:1:1 error [id] Unexpected file name \`ünïcode.yaml\`: an id must be lowercase kebab-case
        hint: Rename it to \`unicode.yaml\`."
    `);
  });

  it('reports a folder that is not a kind, and a stray file at the top', () => {
    expect(report({ 'dataset/a.yaml': DATASET, 'notes.txt': 'hello', 'README.md': '# Catalog\n' })).toMatchInlineSnapshot(`
      "content/README.md:1:1 warning [layout] Unexpected file \`README.md\` at the top of the content folder; entries live in a kind's folder
      content/dataset:1:1 error [layout] Unexpected folder \`dataset\`, expected one of \`datasets\`, \`models\`, \`features\`, \`sources\`, \`teams\`, \`people\`, \`glossary\`, \`licenses\`
        hint: Did you mean \`datasets\`?
      content/notes.txt:1:1 warning [layout] Unexpected file \`notes.txt\` at the top of the content folder; entries live in a kind's folder"
    `);
  });

  it('reports names that differ only in case, pointing at the file that already has the id', () => {
    const { catalog } = hostile({ 'datasets/churn.yaml': DATASET, 'datasets/Churn.yaml': DATASET, 'datasets/b.md': md(DATASET), 'datasets/b.MD': md(DATASET), 'Datasets/c.yaml': DATASET });
    expect(show(catalog.diagnostics.filter((d) => d.rule !== 'completeness'))).toMatchInlineSnapshot(`
      "content/Datasets:1:1 error [layout] Unexpected folder \`Datasets\`, expected one of \`datasets\`, \`models\`, \`features\`, \`sources\`, \`teams\`, \`people\`, \`glossary\`, \`licenses\`
        hint: Did you mean \`datasets\`?
      content/datasets/Churn.yaml:1:1 error [id] Unexpected file name \`Churn.yaml\`: an id must be lowercase kebab-case
        hint: Rename it to a lowercase kebab-case id; \`churn.yaml\` is already taken by another file, so merge the two or choose another id.
      content/datasets/b.md:1:1 error [unique-ids] Duplicate id \`b\`: \`content/datasets/b.MD\` already uses it
        hint: Ids are unique across all kinds; rename one of the files.
        see: content/datasets/b.MD:1:1 \`b\` is first defined here"
    `);
  });
});
