/**
 * The demo catalog as a new user meets it: it checks clean, and breaking it in each of
 * the ways the rules cover gives the right diagnostic at the right line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import type { Diagnostic } from '../../src/lib/types.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// Staleness and expiry are measured against a fixed day, so the test does not age.
const TODAY = '2026-11-23';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the demo (content/ and its config) in a temporary folder. */
function copyDemo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cardcat-demo-'));
  copies.push(dir);
  cpSync(path.join(repoRoot, 'content'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(repoRoot, 'cardcat.config.yaml'), path.join(dir, 'cardcat.config.yaml'));
  return dir;
}

const place = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`;

interface Edit {
  /** Path relative to content/. */
  file: string;
  find: string;
  replace: string;
}

/** Applies small text edits to a fresh copy and checks it; each `find` must occur exactly once. */
function broken(edits: Edit[], newFiles: Record<string, string> = {}): Diagnostic[] {
  const dir = copyDemo();
  for (const { file, find, replace } of edits) {
    const abs = path.join(dir, 'content', file);
    const text = readFileSync(abs, 'utf8');
    expect(text.split(find).length - 1, `\`${find}\` in ${file}`).toBe(1);
    writeFileSync(abs, text.replace(find, replace));
  }
  for (const [file, text] of Object.entries(newFiles)) writeFileSync(path.join(dir, 'content', file), text);
  return buildCatalog(path.join(dir, 'content'), { today: TODAY }).diagnostics;
}

/** The 1-based line of the only line of the demo file (after edits) containing `marker`. */
function lineOf(text: string, marker: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  expect(hits, `\`${marker}\``).toHaveLength(1);
  return hits[0]!;
}

/** Asserts `rule` reports in `file` at the line holding `marker` (in the edited text), and returns its message. */
function firesAt(diagnostics: Diagnostic[], rule: string, file: string, editedText: string, marker: string): string {
  const line = lineOf(editedText, marker);
  const hits = diagnostics.filter((d) => d.rule === rule && d.file === `content/${file}`);
  expect(hits.map((d) => d.line), `${rule} in ${file}`).toContain(line);
  return hits.find((d) => d.line === line)!.message;
}

const demo = (file: string) => readFileSync(path.join(repoRoot, 'content', file), 'utf8');

/** One edit to one file, and the message of `rule` at the line holding `marker` in it. */
function mutation(rule: string, edit: Edit, marker: string): string {
  return firesAt(broken([edit]), rule, edit.file, demo(edit.file).replace(edit.find, edit.replace), marker);
}

describe('the demo catalog', () => {
  it('checks clean: no errors and exactly its five deliberate warnings', () => {
    const diagnostics = buildCatalog(path.join(copyDemo(), 'content'), { today: TODAY }).diagnostics;
    expect(diagnostics.map(place)).toMatchInlineSnapshot(`
      [
        "content/datasets/openreel-ratings.md:4:9 warning bus-factor",
        "content/features/device-type.md:7:20 warning feature-skew",
        "content/models/home-recommender.md:12:16 warning feedback-loop",
        "content/models/rebuffer-risk.md:12:16 warning depends-on-deprecated",
        "content/sources/device-telemetry.md:11:11 warning staleness",
      ]
    `);
  });
});

describe('the demo catalog, broken one rule at a time', () => {
  it('unique-ids: a glossary term with the id of a dataset', () => {
    const diagnostics = broken([], { 'glossary/churn-labels.yaml': demo('glossary/churn.yaml') });
    const hit = diagnostics.find((d) => d.rule === 'unique-ids');
    expect(hit && `${place(hit)} ${hit.message}`).toMatchInlineSnapshot(`"content/glossary/churn-labels.yaml:1:1 error unique-ids Duplicate id \`churn-labels\`: \`content/datasets/churn-labels.md\` already uses it"`);
  });

  it('references: a misspelt fallback', () => {
    const message = mutation('references', { file: 'models/churn-predictor.md', find: 'fallback: churn-heuristic', replace: 'fallback: churn-heuristc' }, 'fallback:');
    expect(message).toMatchInlineSnapshot(`"Unknown model \`churn-heuristc\`"`);
  });

  it('pinned-versions: training data pinned to a version the dataset never published', () => {
    const find = '{ dataset: viewing-events-labelled, split: train, version: "2026-09" }';
    const replace = find.replace('2026-09', '2026-10');
    const message = mutation('pinned-versions', { file: 'models/churn-predictor.md', find, replace }, replace);
    expect(message).toMatchInlineSnapshot(`"Unknown version \`2026-10\` of \`viewing-events-labelled\`"`);
  });

  it('known-uses: an intended use missing from the vocabulary', () => {
    const message = mutation('known-uses', { file: 'models/churn-predictor.md', find: 'intended_use: [retention-campaigns]', replace: 'intended_use: [retention-campaign]' }, 'intended_use:');
    expect(message).toMatchInlineSnapshot(`"Unknown use \`retention-campaign\`"`);
  });

  it('lineage-acyclic: churn labels derived from the dataset built from them', () => {
    const message = mutation(
      'lineage-acyclic',
      { file: 'datasets/churn-labels.md', find: 'derived_from:\n', replace: 'derived_from:\n  - { dataset: viewing-events-labelled, transform: relabelled }\n' },
      'transform: relabelled',
    );
    expect(message).toMatchInlineSnapshot(`"Lineage cycle: \`churn-labels\` → \`viewing-events-labelled\` → \`churn-labels\`"`);
  });

  it('feedback-loop: telemetry built from the stall predictions of the model trained on it', () => {
    const diagnostics = broken([
      { file: 'datasets/qoe-telemetry-v1.md', find: 'sample_id: session_id', replace: 'derived_from:\n  - { model: rebuffer-risk, transform: logged predictions }\nsample_id: session_id' },
    ]);
    // Reported on the model, whose card is where a loop is explained.
    const message = firesAt(diagnostics, 'feedback-loop', 'models/rebuffer-risk.md', demo('models/rebuffer-risk.md'), '{ dataset: qoe-telemetry-v1, split: train');
    expect(message).toMatchInlineSnapshot(`"Feedback loop: \`rebuffer-risk\` → \`qoe-telemetry-v1\` → \`rebuffer-risk\`"`);
  });

  it('split-arithmetic: a part whose rows no longer add up', () => {
    const message = mutation(
      'split-arithmetic',
      { file: 'datasets/openreel-ratings.md', find: '{ name: test, rows: 241831', replace: '{ name: test, rows: 241000' },
      '{ name: train, rows: 1934645',
    );
    expect(message).toMatchInlineSnapshot(`"Split rows add up to 2,417,475, but \`size.rows\` is 2,418,306"`);
  });

  it('split-stratification: the rare class missing from the test part', () => {
    const message = mutation(
      'split-stratification',
      { file: 'datasets/viewing-events-labelled.md', find: '{ name: test, rows: 324, classes: { "true": 11, "false": 313 } }', replace: '{ name: test, rows: 324, classes: { "false": 324 } }' },
      '{ name: test, rows: 324',
    );
    expect(message).toMatchInlineSnapshot(`"Class \`true\` is 0.00% of split \`test\` but 3.12% overall, beyond the 2.00% tolerance of a stratified split"`);
  });

  it('split-temporal: a test period that starts before validation ends', () => {
    const message = mutation('split-temporal', { file: 'datasets/recommendation-impressions.md', find: 'from: 2026-05-01', replace: 'from: 2026-04-15' }, '{ name: test');
    expect(message).toMatchInlineSnapshot(`"Split \`test\` (2026-04-15 to 2026-09-30) overlaps split \`validation\` (2026-01-01 to 2026-04-30)"`);
  });

  it('leakage: evaluating on the training split', () => {
    const file = 'models/churn-predictor.md';
    const find = '{ dataset: viewing-events-labelled, split: test, version: "2026-09" }';
    const diagnostics = broken([{ file, find, replace: find.replace('test', 'train') }]);
    const hit = diagnostics.find((d) => d.rule === 'leakage');
    expect(hit?.line).toBe(lineOf(demo(file), 'evaluation:') + 1);
    expect(hit?.message).toMatchInlineSnapshot(`"Evaluated on split \`train\` of \`viewing-events-labelled\`, the split it is trained on"`);
  });

  it('rights: a model intended for a use its upstream data prohibits', () => {
    const message = mutation('rights', { file: 'models/churn-predictor.md', find: 'intended_use: [retention-campaigns]', replace: 'intended_use: [retention-campaigns, advertising]' }, 'intended_use:');
    expect(message).toMatchInlineSnapshot(`"Use \`advertising\` is prohibited by upstream \`viewing-events-labelled\`"`);
  });

  it('depends-on-retired: retiring the telemetry a staging model still trains on', () => {
    const diagnostics = broken([{ file: 'datasets/qoe-telemetry-v1.md', find: 'status: deprecated', replace: 'status: retired' }]);
    const message = firesAt(diagnostics, 'depends-on-retired', 'models/rebuffer-risk.md', demo('models/rebuffer-risk.md'), '{ dataset: qoe-telemetry-v1, split: train');
    expect(message).toMatchInlineSnapshot(`"Trained on \`qoe-telemetry-v1\`, which is retired"`);
  });

  it('depends-on-deprecated: deprecating catalogue metadata that impressions are built from', () => {
    const diagnostics = broken([{ file: 'datasets/catalogue-metadata.md', find: 'status: active', replace: 'status: deprecated' }]);
    const message = firesAt(diagnostics, 'depends-on-deprecated', 'datasets/recommendation-impressions.md', demo('datasets/recommendation-impressions.md'), 'catalogue-metadata@2026-10');
    expect(message).toMatchInlineSnapshot(`"Derived from \`catalogue-metadata\`, which is deprecated"`);
  });

  it('replaced-by: a deprecated dataset that no longer names its replacement', () => {
    const message = mutation('replaced-by', { file: 'datasets/qoe-telemetry-v1.md', find: 'replaced_by: play-events-clean\n', replace: '' }, 'status: deprecated');
    expect(message).toMatchInlineSnapshot(`"Deprecated \`qoe-telemetry-v1\` names no replacement"`);
  });

  it('staleness: a review long overdue', () => {
    const message = mutation('staleness', { file: 'models/churn-predictor.md', find: 'reviewed: 2026-11-01', replace: 'reviewed: 2025-01-01' }, 'reviewed:');
    expect(message).toMatchInlineSnapshot(`"Last reviewed on 2025-01-01, 691 days ago; reviews are due every 365d"`);
  });

  it('bus-factor: a model left to one person', () => {
    const message = mutation('bus-factor', { file: 'models/churn-predictor.md', find: 'owners: [recsys-team, ana-lopez]', replace: 'owners: [ana-lopez]' }, 'owners:');
    expect(message).toMatchInlineSnapshot(`"Owned by one person, \`ana-lopez\`, and no team"`);
  });

  it('production-readiness: a production model without its fallback', () => {
    const message = mutation('production-readiness', { file: 'models/churn-predictor.md', find: 'fallback: churn-heuristic\n', replace: '' }, 'stage: production');
    expect(message).toMatchInlineSnapshot(`"Production model without a \`fallback\`"`);
  });

  it('pinned-data: production training data no longer pinned', () => {
    const find = '{ dataset: viewing-events-labelled, split: train, version: "2026-09" }';
    const message = mutation('pinned-data', { file: 'models/churn-predictor.md', find, replace: '{ dataset: viewing-events-labelled, split: train }' }, 'split: train }');
    expect(message).toMatchInlineSnapshot(`"Training data \`viewing-events-labelled\` is not pinned to a version"`);
  });

  it('objective-met: a recall below its objective', () => {
    const message = mutation('objective-met', { file: 'models/churn-predictor.md', find: '{ name: recall, value: 0.81', replace: '{ name: recall, value: 0.71' }, 'value: 0.71');
    expect(message).toMatchInlineSnapshot(`"Metric \`recall\` of split \`test\` is 0.71, below its objective of at least 0.75"`);
  });

  it('metric-integrity: a slice over a value the column does not take', () => {
    const message = mutation('metric-integrity', { file: 'models/churn-predictor.md', find: 'slice: "region=EU"', replace: 'slice: "region=LATAM"' }, 'region=LATAM');
    expect(message).toMatchInlineSnapshot(`"Slice \`region=LATAM\`: \`LATAM\` is not a value of \`viewing-events-labelled.region\`"`);
  });

  it('feature-columns: a misspelt feature, with the column it means', () => {
    const file = 'models/churn-predictor.md';
    const diagnostics = broken([{ file, find: 'plan, tenure_days, days-since', replace: 'plan, tenure_day, days-since' }]);
    const hit = diagnostics.find((d) => d.rule === 'feature-columns');
    expect(hit && `${place(hit)} ${hit.message} (${hit.hint})`).toMatchInlineSnapshot(`"content/models/churn-predictor.md:53:56 warning feature-columns Unknown feature \`tenure_day\`: no feature entry, and no training dataset has such a column (Did you mean \`tenure_days\`?)"`);
  });

  it('certified-domain: a certified tenure beyond the tenures trained on', () => {
    const message = mutation('certified-domain', { file: 'models/churn-predictor.md', find: 'tenure_days: [30, 3650]', replace: 'tenure_days: [30, 6000]' }, 'certified_domain:');
    expect(message).toMatchInlineSnapshot(`"Certified range \`[30, 6000]\` of \`tenure_days\` reaches outside its training data, \`viewing-events-labelled.tenure_days\` \`[0, 5000]\`"`);
  });

  it('feature-skew: the days since last play served in hours', () => {
    const diagnostics = broken([
      { file: 'datasets/user-engagement-features.md', find: '{ name: days_since_last_play, type: integer, unit: d,', replace: '{ name: days_since_last_play, type: integer, unit: h,' },
    ]);
    const hits = diagnostics.filter((d) => d.rule === 'feature-skew' && d.file.endsWith('days-since-last-play.md'));
    expect(hits.map((d) => `${place(d)} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "content/features/days-since-last-play.md:6:7 warning feature-skew Feature \`days-since-last-play\` is defined in \`d\` but its serving column \`user-engagement-features.days_since_last_play\` holds \`h\`",
        "content/features/days-since-last-play.md:9:20 warning feature-skew Training/serving skew: \`days-since-last-play\` is trained in \`d\` but served in \`h\`",
      ]
    `);
  });

  it('completeness: a production model card that drops two sections', () => {
    const file = 'models/churn-predictor.md';
    const text = demo(file).replace('# Ethical considerations', '# Notes').replace('# Caveats and recommendations', '# More notes');
    const diagnostics = broken([
      { file, find: '# Ethical considerations', replace: '# Notes' },
      { file, find: '# Caveats and recommendations', replace: '# More notes' },
    ]);
    const bodyStart = text.split('\n').findIndex((l, i) => i > 0 && l === '---') + 2;
    const hit = diagnostics.find((d) => d.rule === 'completeness' && d.file === `content/${file}`);
    expect(hit?.line).toBe(bodyStart);
    expect(hit?.message).toMatchInlineSnapshot(`"Covers 78% of the model card sections, below the 80% required at stage \`production\`"`);
  });

  it('schema: a misspelt key, with the key it means', () => {
    const file = 'datasets/viewing-events-labelled.md';
    const diagnostics = broken([{ file, find: '  license: lumen-internal', replace: '  licence: lumen-internal' }]);
    const schema = diagnostics.filter((d) => d.rule === 'schema');
    expect(schema.map((d) => `${place(d)} ${d.message} (${d.hint})`)).toMatchInlineSnapshot(`
      [
        "content/datasets/viewing-events-labelled.md:47:3 error schema Unknown field \`licence\` in \`rights\` (Did you mean \`license\`?)",
      ]
    `);
  });
});
