/** The page models of datasets, sources, teams, people, glossary terms and licenses, from small fixture catalogs. */
import { describe, expect, it } from 'vitest';
import { datasetJsonLd } from '../../src/lib/interchange/export/jsonld.ts';
import { formatBytes, type DatasetBody } from '../../src/lib/pages/dataset.ts';
import { entryPage, entryToc } from '../../src/lib/pages/entry.ts';
import { MAX_TERM_COLUMNS, type GlossaryBody } from '../../src/lib/pages/glossary.ts';
import type { LicenseBody } from '../../src/lib/pages/license.ts';
import type { SourceBody } from '../../src/lib/pages/source.ts';
import type { TeamBody } from '../../src/lib/pages/team.ts';
import type { Entry } from '../../src/lib/types.ts';
import { catalogOf, problems } from '../helpers/catalog.ts';
import { roundTrip } from './demo.ts';

const CONFIG = 'site:\n  title: Fixture\n  base: /catalog/\n  repo_url: https://github.com/acme/fixture\nuses:\n  model-training: { description: Training models }\n';

const catalog = catalogOf(
  {
    'teams/data-team.yaml': 'title: Data team\ncontact: { chat: "#data-help", email: data@example.com }\nmembers:\n  - { name: Dee Ata, email: dee@example.com, role: lead }\n  - { name: Out Sider }\n',
    'people/dee-ata.yaml': 'title: Dee Ata\nemail: dee@example.com\n',
    'people/lone.yaml': 'title: Lone Wolf\nemail: lone@example.com\nteams: [data-team]\n',
    'sources/events-api.yaml': 'title: Events API\ntype: api\nowners: [data-team]\nterms: https://example.com/terms\nbackup_source: mirror\nchecked: { how: pinged, every: 7d }\n',
    'sources/mirror.yaml': 'title: Mirror\ntype: api\nowners: [data-team]\nterms: internal only\n',
    'glossary/customer.yaml': 'title: Customer\ndescription: Someone who pays.\nowners: [data-team]\nsynonyms: [client]\nrelated: [account]\n',
    'glossary/account.yaml': 'title: Account\ndescription: A login.\nowners: [data-team]\nrelated: [customer]\n',
    'licenses/old-deal.yaml': 'title: Old deal\ndescription: An agreement that ran out.\nowners: [data-team]\npermissions: [commercial-use]\nprohibited_uses: [model-training]\nexpires: 2020-01-01\n',
    'datasets/raw.md': `---
title: Raw events
description: Every event.
owners: [data-team]
reviewed: 2020-01-01
location: { uri: [s3://a, s3://b], format: parquet }
size: { rows: 1234567, bytes: 1610612736 }
sources: { primary: events-api, secondary: mirror }
versions:
  - { version: "1", date: 2026-01-01, rows: 10 }
  - { version: "2", date: 2026-02-01, rows: 20 }
sample_id: user_id
schema:
  - { name: user_id, type: string, pii: pseudonymous, term: customer }
  - { name: amount, type: float }
rights: { license: old-deal, personal_data: true, allowed_uses: [model-training] }
---
# Motivation

Kept for replay.
`,
    'datasets/clean.yaml': `title: Clean events
description: Events without duplicates.
owners: [lone]
reviewed: 2026-11-01
derived_from:
  - { dataset: raw@2, split: train, transform: dedupe }
schema:
  - { name: user_id, type: string, derived_from: raw.user_id, term: customer }
  - { name: customer, type: string, derived_from: raw.user_id, term: customer }
splits:
  method: random
  parts:
    - { name: train, rows: 80 }
    - { name: test, rows: 20 }
`,
  },
  { config: CONFIG },
);

it('starts from a fixture catalog whose every file loaded', () => {
  // The rights rules do report the expired agreement: that is what the license page shows.
  expect(problems(catalog).filter((p) => !/ error .*(agreement|both allowed)/.test(p) && p.includes(' error '))).toEqual([]);
  expect(catalog.entries).toHaveLength(10);
});

const body = <T>(id: string) => entryPage(catalog, id).body as T;

describe('the page model of a dataset', () => {
  it('is plain data that survives JSON unchanged', () => {
    const model = entryPage(catalog, 'raw');
    expect(roundTrip(model)).toEqual(model);
  });

  it('names its columns in its JSON-LD and leaves their details to the column table', () => {
    const ld = JSON.parse(entryPage(catalog, 'raw').jsonLd!);
    expect(ld).toMatchObject({ '@type': 'Dataset', name: 'Raw events', variableMeasured: ['user_id', 'amount'] });
    // The export keeps each column in full.
    expect(datasetJsonLd(catalog, catalog.byId.get('raw') as Entry<'dataset'>)['variableMeasured']).toEqual([
      { '@type': 'PropertyValue', name: 'user_id' },
      { '@type': 'PropertyValue', name: 'amount' },
    ]);
  });

  it('says where the data lives, how big it is and what it comes from, with links under the base path', () => {
    const { where } = body<DatasetBody>('raw');
    expect(where).toMatchObject({ located: true, uris: ['s3://a', 's3://b'], format: 'parquet', rows: '1,234,567', size: '1.5 GB' });
    expect(where.sources!.primary).toEqual([expect.stringContaining('href="/catalog/sources/events-api/"')]);
    expect(where.sources!.secondary).toEqual([expect.stringContaining('>Mirror</a>')]);
    expect(where.versions.map((v) => v.version)).toEqual(['2', '1']);
  });

  it('names what a derived dataset is built from, with the version pinned in its reference', () => {
    expect(body<DatasetBody>('clean').where.builtFrom).toEqual([
      { ref: expect.stringContaining('>Raw events</a>'), version: '2', split: 'train', model: false, transform: 'dedupe' },
    ]);
  });

  it('links column terms and upstream columns, and marks the sample id', () => {
    const raw = body<DatasetBody>('raw').schema!;
    expect(raw.title).toBe('Schema (2 columns)');
    expect(raw.columns[0]).toMatchObject({ sampleId: true, termHtml: expect.stringContaining('href="/catalog/glossary/customer/"') });
    expect(raw.columns[1]).toMatchObject({ sampleId: false, termHtml: '', from: undefined });
  });

  it('links an upstream column to its row, and names it only when it is named differently', () => {
    const [same, renamed] = body<DatasetBody>('clean').schema!.columns;
    expect(same!.from).toEqual({ id: 'raw', url: '/catalog/datasets/raw/#column-user-id', column: undefined });
    expect(renamed!.from).toEqual({ id: 'raw', url: '/catalog/datasets/raw/#column-user-id', column: 'user_id' });
    expect(body<DatasetBody>('clean').schema!.fromNote).toMatch(/^From: /);
    expect(body<DatasetBody>('raw').schema!.fromNote).toBeUndefined();
  });

  it("gives a term's description as tooltip on its first column only", () => {
    const [first, second] = body<DatasetBody>('clean').schema!.columns;
    expect(first!.termHtml).toContain('title=');
    expect(second!.termHtml).toContain('href="/catalog/glossary/customer/"');
    expect(second!.termHtml).not.toContain('title=');
  });

  it('gives each split part its rows and share, and each class its count and share of the part', () => {
    const splits = body<DatasetBody>('clean').splits!;
    expect(splits).toMatchObject({ method: 'random', temporal: false, classes: [], chart: undefined });
    expect(splits.parts.map((p) => [p.name, p.rows, p.share])).toEqual([['train', '80', '80.0%'], ['test', '20', '20.0%']]);
    const classed = catalogOf({
      'teams/t.yaml': 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n',
      'datasets/s.yaml': 'title: S\ndescription: Split.\nowners: [t]\nsplits:\n  method: stratified\n  stratify_by: y\n  parts:\n    - { name: train, fraction: 0.75, classes: { "yes": 1, "no": 3 } }\n    - { name: test, training: false, classes: { "yes": 1 } }\n',
    });
    const stratified = (entryPage(classed, 's').body as DatasetBody).splits!;
    expect(stratified).toMatchObject({ stratifyBy: 'y', stratified: true, classes: ['yes', 'no'] });
    expect(stratified.parts[0]).toMatchObject({ share: '75.0%', classes: [{ count: '1', share: '25.0%' }, { count: '3', share: '75.0%' }] });
    expect(stratified.parts[1]).toMatchObject({ notForTraining: true, rows: '—', share: '—', classes: [{ count: '1', share: '100.0%' }, undefined] });
    expect(stratified.chart).toContain('<svg class="balance-chart"');
  });

  it('renders the datasheet once, and leaves it out when the body is empty', () => {
    expect(body<DatasetBody>('raw').datasheet!.html).toContain('Kept for replay.');
    expect(body<DatasetBody>('clean').datasheet).toBeUndefined();
  });

  it('lists in its table of contents only the sections the dataset has', () => {
    expect(entryPage(catalog, 'raw').toc.map((t) => t.id)).toEqual(['where', 'datasheet', 'schema', 'rights', 'lineage']);
    expect(entryToc(catalog.byId.get('clean')!).map((t) => t.id)).toEqual(['where', 'schema', 'splits', 'rights', 'lineage']);
  });

  it('declares its rights and inherits its upstream restrictions, naming where they come from', () => {
    const raw = body<DatasetBody>('raw').rights;
    expect(raw).toMatchObject({ declared: true, personalData: true, license: { id: 'old-deal', ref: expect.stringContaining('>Old deal</a>') } });
    // The answers give each use's description; the declared list does not repeat it.
    expect(raw.allowedUses).toEqual([{ use: 'model-training', label: undefined }]);
    expect(raw.answers.flatMap((g) => g.uses).find((u) => u.use === 'model-training')!.description).toBe('Training models');
    const own = raw.restrictions.find((r) => r.own)!;
    expect(own.items.find((i) => i.html.includes('expires'))).toMatchObject({ expired: true, condition: false });
    const clean = body<DatasetBody>('clean').rights;
    expect(clean.declared).toBe(false);
    const inherited = clean.restrictions.find((r) => r.items.some((i) => i.html.startsWith('Contains personal data')))!;
    expect(inherited).toMatchObject({ own: false, from: [expect.stringContaining('href="/catalog/datasets/raw/"')] });
    // Personal data binds every use: a condition of the "Only if" answers, marked where it is listed.
    expect(inherited.items.find((i) => i.html.startsWith('Contains personal data'))!.condition).toBe(true);
    expect(clean.conditional).toBe(true);
  });

  it('answers, for each use of the vocabulary, whether it may be used for it and why, with the path to an upstream reason', () => {
    const raw = body<DatasetBody>('raw').rights;
    expect(raw.answers.flatMap((g) => g.uses.map((u) => u.use)).sort()).toEqual(Object.keys(catalog.config.uses).sort());
    // Its agreement expired: no use is allowed, whatever it lists.
    expect(raw.answers.find((g) => g.uses.some((u) => u.use === 'model-training'))).toMatchObject({
      verdict: 'no',
      answer: 'No',
      why: ['Its agreement <code>old-deal</code> prohibits it.', 'The agreement <code>old-deal</code> of this entry expired on 2020-01-01.'],
      more: 0,
    });
    const clean = body<DatasetBody>('clean').rights.answers.find((g) => g.uses.some((u) => u.use === 'model-training'))!;
    expect(clean.verdict).toBe('no');
    expect(clean.why[0]).toContain('upstream <code>raw</code>');
    // Its path is in Effective restrictions, which name the same origin: not said twice.
    expect(clean.why[0]).not.toContain('Path from here');
    const cleanRights = body<DatasetBody>('clean').rights;
    expect(cleanRights.restrictions.flatMap((r) => r.from).join('')).toContain('href="/catalog/datasets/raw/"');
  });

  it('groups the uses that have the same answer for the same reasons', () => {
    const many = catalogOf(
      {
        'teams/data-team.yaml': 'title: Data team\nmembers:\n  - { name: Dee Ata }\n',
        'datasets/open.yaml': 'title: Open\ndescription: Open.\nowners: [data-team]\nrights: { license: CC-BY-NC-4.0, allowed_uses: [a] }\n',
      },
      { config: 'uses:\n  a: {}\n  b: {}\n  c: { commercial: true }\n  d: { commercial: true }\n' },
    );
    const answers = (entryPage(many, 'open').body as DatasetBody).rights.answers;
    expect(answers.map((g) => [g.answer, g.uses.map((u) => u.use)])).toEqual([
      ['Yes', ['a']],
      ['Yes', ['b']],
      ['No', ['c', 'd']],
    ]);
    expect(answers[2]!.uses[0]).toEqual({ use: 'c', description: undefined, commercial: true });
  });

  it('opens with its header facts: owners as links, an overdue review, the edit link', () => {
    const { header } = entryPage(catalog, 'raw');
    expect(header).toMatchObject({ kindLabel: 'Dataset', kindUrl: '/catalog/datasets/', stale: true, reviewed: '2020-01-01', notice: undefined });
    expect(header.owners).toEqual([expect.stringContaining('>Data team</a>')]);
    expect(header.contacts).toEqual([{ name: 'Data team', chat: { text: '#data-help', url: undefined }, email: 'data@example.com' }]);
    // A person who owns alone is reached by email; a team shows its own contact on its page.
    expect(entryPage(catalog, 'clean').header.contacts).toEqual([{ name: 'Lone Wolf', email: 'lone@example.com' }]);
    expect(entryPage(catalog, 'data-team').header.contacts).toEqual([expect.objectContaining({ name: 'Data team' })]);
    expect(entryPage(catalog, 'lone').header.contacts).toBeUndefined();
    expect(header.edit).toEqual({ url: 'https://github.com/acme/fixture/edit/main/content/datasets/raw.md', file: 'content/datasets/raw.md' });
    expect(entryPage(catalog, 'clean').header).toMatchObject({ stale: false, due: expect.stringMatching(/^2027-/) });
  });
});

describe('bytes as people read sizes', () => {
  it('uses binary units, with one decimal under ten', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 ** 3)).toBe('20 GB');
  });
});

describe('the page model of a source', () => {
  it('links terms that are an address, and names its backup source and checks', () => {
    expect(body<SourceBody>('events-api')).toMatchObject({
      type: 'api',
      terms: { text: 'https://example.com/terms', url: 'https://example.com/terms' },
      backupSource: expect.stringContaining('>Mirror</a>'),
      checked: { how: 'pinged', every: '7d' },
    });
    expect(body<SourceBody>('mirror').terms).toEqual({ text: 'internal only', url: undefined });
  });
});

describe('the page model of a team or a person', () => {
  it('links the members who have a person entry and lists what the team owns, by kind', () => {
    const team = body<TeamBody>('data-team');
    expect(team.members).toEqual([
      { ref: expect.stringContaining('>Dee Ata</a>'), name: 'Dee Ata', role: 'lead', email: 'dee@example.com' },
      { ref: undefined, name: 'Out Sider', role: undefined, email: undefined },
    ]);
    expect(team.owns.map((r) => r.kind)).toEqual(['Dataset', 'Source', 'Source', 'Glossary term', 'Glossary term', 'License']);
  });

  it('lists for a team the entries one of its members owns alone', () => {
    expect(body<TeamBody>('data-team').alone!.map((r) => r.ref)).toEqual([expect.stringContaining('>Clean events</a>')]);
  });

  it('gives a person their address and teams, and no members', () => {
    const person = body<TeamBody>('lone');
    expect(person).toMatchObject({ kind: 'person', contact: { email: 'lone@example.com', teams: [expect.stringContaining('>Data team</a>')] } });
    expect(person.members).toBeUndefined();
    expect(person.alone).toBeUndefined();
    expect(body<TeamBody>('dee-ata').contact!.teams).toEqual([]);
    expect(entryPage(catalog, 'lone').header.owners).toBeUndefined();
  });
});

describe('the page model of a glossary term', () => {
  it('lists the columns that use it and the terms that name it or that it names', () => {
    const term = body<GlossaryBody>('customer');
    expect(term.columnCount).toBe(3);
    expect(term.columns.map((c) => c.url).sort()).toEqual(['/catalog/datasets/clean/#schema', '/catalog/datasets/clean/#schema', '/catalog/datasets/raw/#schema']);
    expect(term.related).toEqual([expect.stringContaining('>Account</a>')]);
    expect(term.synonyms).toEqual(['client']);
  });

  it(`shows at most ${MAX_TERM_COLUMNS} columns and counts them all`, () => {
    const columns = Array.from({ length: MAX_TERM_COLUMNS + 5 }, (_, i) => `  - { name: c${i}, type: string, term: word }`).join('\n');
    const wide = catalogOf({
      'glossary/word.yaml': 'title: Word\ndescription: A word.\nowners: [t]\n',
      'teams/t.yaml': 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n',
      'datasets/wide.yaml': `title: Wide\ndescription: Many columns.\nowners: [t]\nschema:\n${columns}\n`,
    });
    const term = entryPage(wide, 'word').body as GlossaryBody;
    expect(term.columnCount).toBe(MAX_TERM_COLUMNS + 5);
    expect(term.columns).toHaveLength(MAX_TERM_COLUMNS);
  });
});

describe('the page model of a license', () => {
  it('lists its terms, empty ones as none, and marks an expiry that has passed', () => {
    const license = body<LicenseBody>('old-deal');
    expect(license.terms).toEqual([
      { label: 'Permits', items: ['May be used commercially.'] },
      { label: 'Requires', items: [] },
      { label: 'Limits', items: [] },
      { label: 'Prohibited uses', items: ['Must not be used for model-training (training models).'] },
    ]);
    expect(license).toMatchObject({ expires: '2020-01-01', expired: true });
    expect(license.lineage.connected).toBe(true);
  });
});
