import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_NAMES, KINDS, type Kind } from '../../schemas/index.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { DATASHEET_SECTIONS, MODEL_CARD_SECTIONS } from '../../src/lib/sections.ts';
import { OWNERS, problems, writeProject } from '../helpers/catalog.ts';
import { run, runBinary } from './run.ts';

const TODAY = '2026-11-23';

function project(): { root: string; content: string } {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(OWNERS)) files[`content/${name}`] = text;
  const root = writeProject(files);
  return { root, content: path.join(root, 'content') };
}

const check = (content: string) => buildCatalog(content, { today: TODAY, configFile: false });

/** What the author still has to write, per kind, when only `--owner` is given. */
const TO_FILL_IN: Record<Kind, string[]> = {
  dataset: ['content/datasets/fresh-entry.md:5:13 error Expected text for `description`, found null'],
  model: ['content/models/fresh-entry.md:5:13 error Expected text for `description`, found null'],
  feature: ['content/features/fresh-entry.md:5:13 error Expected text for `description`, found null'],
  source: [
    'content/sources/fresh-entry.yaml:7:6 error Unexpected null for `type`, expected one of `api`, `database`, `vendor`, `sensor`, `manual`, `web`, `file`',
  ],
  team: [],
  person: ['content/people/fresh-entry.yaml:4:7 error Expected text for `email`, found null'],
  glossary: ['content/glossary/fresh-entry.yaml:4:13 error Expected text for `description`, found null'],
  license: [],
};

/** What an author types into the blanks. */
const FILLED: Record<string, string> = {
  'description:': 'description: Filled in by its owner.',
  'email:': 'email: fresh@example.com',
  'type:': 'type: api',
};

describe('new', () => {
  it.each(KIND_NAMES)('writes a %s that passes check apart from the fields its author must fill in', async (kind) => {
    const { root, content } = project();
    const result = await run(['new', kind, 'fresh-entry', '--owner', 'data-team', '--content', content], root);
    expect(result.code).toBe(0);
    const extension = kind === 'dataset' || kind === 'model' || kind === 'feature' ? 'md' : 'yaml';
    const file = path.join(content, KINDS[kind].folder, `fresh-entry.${extension}`);
    expect(existsSync(file)).toBe(true);
    expect(result.stdout).toContain(`Created content/${KINDS[kind].folder}/fresh-entry.${extension}`);
    expect(problems(check(content))).toEqual(TO_FILL_IN[kind]);
    // Every blank is named in the command's own output, at its line.
    for (const problem of TO_FILL_IN[kind]) expect(result.stdout).toContain(problem.split(' ')[0]);

    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^(description|email|type):$/gm, (blank) => FILLED[blank]!));
    const filled = check(content);
    expect(problems(filled)).toEqual([]);
    expect(filled.byId.get('fresh-entry')?.kind).toBe(kind);
    expect(filled.byId.get('fresh-entry')?.data.owners).toEqual(['data-team']);
    expect(filled.byId.get('fresh-entry')?.data.status).toBe('draft');
  });

  it('uses the title, description and owners it is given, quoting what YAML needs quoted', async () => {
    const { root, content } = project();
    const title = 'Churn: v2 #1 "final"';
    const result = await run(
      ['new', 'dataset', 'churn-v2', '--title', title, '--description', 'yes', '--owner', 'data-team', '--owner', 'dee-ata', '--content', content],
      root,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('It passes `npm run check`.');
    const entry = check(content).byId.get('churn-v2');
    expect(entry?.data.title).toBe(title);
    expect(entry?.data.description).toBe('yes');
    expect(entry?.data.owners).toEqual(['data-team', 'dee-ata']);
  });

  it.each([
    ['dataset', DATASHEET_SECTIONS],
    ['model', MODEL_CARD_SECTIONS],
  ] as const)('gives a %s every template section with its prompt, which counts as unwritten until prose replaces it', async (kind, sections) => {
    const { root, content } = project();
    await run(['new', kind, 'with-sections', '--owner', 'data-team', '--description', 'Something.', '--content', content], root);
    const file = path.join(content, KINDS[kind].folder, 'with-sections.md');
    const text = readFileSync(file, 'utf8');
    for (const section of sections) expect(text).toContain(`# ${section.title}\n\n<!-- ${section.prompt} -->\n`);
    expect(check(content).completeness.get('with-sections')).toBe(0);

    writeFileSync(file, text.replace(/<!-- .* -->/g, 'Written by the owner.'));
    expect(check(content).completeness.get('with-sections')).toBe(1);
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const { root, content } = project();
    expect((await run(['new', 'team', 'ml-team', '--content', content], root)).code).toBe(0);
    const file = path.join(content, 'teams', 'ml-team.yaml');
    writeFileSync(file, 'title: ML team, edited by hand\n');
    const again = await run(['new', 'team', 'ml-team', '--content', content], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('`ml-team` is already the id of `content/teams/ml-team.yaml`; nothing was written. Choose another id.');
    expect(readFileSync(file, 'utf8')).toBe('title: ML team, edited by hand\n');
  });

  it('refuses to overwrite a file even when the catalog cannot read it (too large here)', async () => {
    const root = writeProject({ 'content/teams/big-team.yaml': 'title: A team with a long file\n', 'cardcat.config.yaml': 'max_file_bytes: 10\n' });
    const result = await run(['new', 'team', 'big-team', '--content', 'content'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('`content/teams/big-team.yaml` already exists; nothing was written.');
    expect(readFileSync(path.join(root, 'content/teams/big-team.yaml'), 'utf8')).toBe('title: A team with a long file\n');
    expect(readdirSync(path.join(root, 'content/teams'))).toEqual(['big-team.yaml']);
  });

  it('refuses an id that another kind already uses, since ids are unique across kinds', async () => {
    const { root, content } = project();
    const result = await run(['new', 'model', 'data-team', '--content', content], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`data-team` is already the id of `content/teams/data-team.yaml`');
    expect(existsSync(path.join(content, 'models'))).toBe(false);
  });

  it.each([
    [['new', 'dataset', 'Viewing_Events'], 'Unexpected id `Viewing_Events`, expected a lowercase kebab-case id such as `viewing-events`. Did you mean `viewing-events`?'],
    [['new', 'dataset', 'x', '--owner', 'Data Team'], 'Unexpected owner `Data Team`, expected a lowercase kebab-case id such as `viewing-events`. Did you mean `data-team`?'],
    [['new', 'datasets', 'x'], 'Unknown kind `datasets`, expected one of `dataset`, `model`, `feature`, `source`, `team`, `person`, `glossary`, `license`. Did you mean `dataset`?'],
    [['new', 'modle', 'x'], 'Unknown kind `modle`, expected one of `dataset`, `model`, `feature`, `source`, `team`, `person`, `glossary`, `license`. Did you mean `model`?'],
  ])('rejects %j as a usage error, writing nothing', async (argv, message) => {
    const { root, content } = project();
    const result = await run([...argv, '--content', content], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(readdirSync(content).sort()).toEqual(['people', 'teams']);
  });

  it('asks for a kind and an id when either is missing', async () => {
    const { root, content } = project();
    const result = await run(['new', 'dataset', '--content', content], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Expected a kind and an id\.\nUsage: npm run new -- <kind> <id>/);
  });

  it('prints the template with --print and writes nothing', async () => {
    const { root, content } = project();
    const result = await run(['new', 'glossary', 'watch-time', '--print', '--content', content], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Human-readable name, shown as the page title\.\ntitle: Watch time\n/);
    expect(existsSync(path.join(content, 'glossary'))).toBe(false);
  });

  it('works from the real command line', () => {
    const { root, content } = project();
    const result = runBinary(['new', 'source', 'billing-db', '--owner', 'data-team', '--content', content], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created content/sources/billing-db.yaml');
    expect(result.stdout).toContain('content/sources/billing-db.yaml:7:6  error  Unexpected null for `type`');
  });
});
