/** What entry pages and the "Recent changes" page show of a catalog's git history, from temporary repositories. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { catalogHistory } from '../../src/lib/history/read.ts';
import { entryPage } from '../../src/lib/pages/entry.ts';
import { ENTRY_CHANGES, RECENT_FILES, recentChangesPage, SUBJECT_MAX } from '../../src/lib/pages/history.ts';
import { git, removeFiles, writeFiles } from '../cli/git-repo.ts';
import { catalogOf, OWNERS, writeProject } from '../helpers/catalog.ts';
import { roundTrip } from './demo.ts';

function commitAs(root: string, message: string, author: string, day: string): string {
  git(root, 'add', '-A');
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message, `--author=${author} <a@example.com>`, `--date=${day}T12:00:00Z`], {
    cwd: root,
    env: { ...process.env, GIT_COMMITTER_DATE: `${day}T13:00:00Z`, GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  return git(root, 'rev-parse', 'HEAD');
}

const CONFIG = 'site:\n  repo_url: https://github.com/acme/catalog\n';
const source = (reviewed: string, description = 'Events.') => `title: Events\ndescription: ${description}\ntype: api\nowners: [data-team]\nreviewed: ${reviewed}\n`;

/**
 * sources/feed.yaml added by Ana (reviewed that day), renamed to events.yaml by Ben, then
 * edited five times by Cleo after the review; a glossary term added and later deleted.
 */
function repository() {
  const root = writeProject({});
  git(root, 'init', '-q');
  writeFiles(root, { 'cardcat.config.yaml': CONFIG, ...Object.fromEntries(Object.entries(OWNERS).map(([k, v]) => [`content/${k}`, v])) });
  writeFiles(root, { 'content/sources/feed.yaml': source('2026-10-01'), 'content/glossary/gone.yaml': 'title: Gone\ndescription: Soon gone.\nowners: [data-team]\n' });
  const commits = [commitAs(root, 'Add the feed', 'Ana Lopez', '2026-10-01')];
  git(root, 'mv', 'content/sources/feed.yaml', 'content/sources/events.yaml');
  commits.push(commitAs(root, 'Name the feed for what it carries', 'Ben Okafor', '2026-10-01'));
  for (let i = 1; i <= 5; i++) {
    writeFiles(root, { 'content/sources/events.yaml': source('2026-10-01', `Events, take ${i}.`) });
    commits.push(commitAs(root, i === 5 ? `Describe the feed ${'at length '.repeat(12)}` : `Describe the feed, take ${i}`, 'Cleo Park', `2026-11-0${i}`));
  }
  removeFiles(root, 'content/glossary/gone.yaml');
  commits.push(commitAs(root, 'Drop a term nobody used', 'Dee Ata', '2026-11-20'));
  return { root, content: path.join(root, 'content'), commits };
}

describe('history on an entry page', () => {
  const { content, commits } = repository();
  const catalog = buildCatalog(content, { today: '2026-11-23' });
  const history = catalogHistory(catalog, { perFile: ENTRY_CHANGES });

  it('shows when the file last changed, by whom, in which commit linked to the repository, and its last few changes', () => {
    const page = entryPage(catalog, 'events', { history });
    expect(roundTrip(page)).toEqual(page);
    const h = page.history!;
    expect(h.last).toEqual({ date: '2026-11-05', author: 'Cleo Park', commit: commits[6]!.slice(0, 7), url: `https://github.com/acme/catalog/commit/${commits[6]}`, subject: expect.stringMatching(/^Describe the feed at length .*…$/) });
    expect(h.last!.subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(h.last!.subject.length).toBeGreaterThan(SUBJECT_MAX - 5);
    expect(h.changes).toHaveLength(ENTRY_CHANGES);
    expect(h.changes[0]).toEqual(h.last);
    expect(h.changes.map((c) => c.date)).toEqual(['2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02']);
    expect(h.count).toBe(7);
    expect(page.toc.at(-1)).toEqual({ id: 'history', title: 'History' });
  });

  it('says the file changed after its last review, and that there may be more changes than were read', () => {
    expect(entryPage(catalog, 'events', { history }).history!.afterReview).toEqual({ reviewed: '2026-10-01', count: ENTRY_CHANGES, more: true });
    const all = catalogHistory(catalog, { perFile: 10 });
    // The rename on the day of the review counts as part of it.
    expect(entryPage(catalog, 'events', { history: all }).history!.afterReview).toEqual({ reviewed: '2026-10-01', count: 5, more: false });
  });

  it('names a rename and an addition, and says nothing of review for an entry never reviewed', () => {
    const root = writeProject({});
    git(root, 'init', '-q');
    writeFiles(root, { 'content/teams/data-team.yaml': OWNERS['teams/data-team.yaml']!, 'content/sources/feed.yaml': source('2026-10-01') });
    commitAs(root, 'Add the feed', 'Ana Lopez', '2026-10-01');
    git(root, 'mv', 'content/sources/feed.yaml', 'content/sources/events.yaml');
    commitAs(root, 'Rename the feed', 'Ben Okafor', '2026-10-02');
    const small = buildCatalog(path.join(root, 'content'), { today: '2026-11-23' });
    const h = entryPage(small, 'events', { history: catalogHistory(small) }).history!;
    expect(h.changes.map((c) => [c.author, c.what])).toEqual([['Ben Okafor', 'renamed from sources/feed.yaml'], ['Ana Lopez', 'added']]);
    expect(h.afterReview).toEqual({ reviewed: '2026-10-01', count: 1, more: false });
    expect(entryPage(catalog, 'data-team', { history }).history).toMatchObject({ count: 1, afterReview: undefined, changes: [{ author: 'Ana Lopez', what: 'added' }] });
  });

  it('shows no history section when the build read none', () => {
    const page = entryPage(catalog, 'events');
    expect(page.history).toBeUndefined();
    expect(page.toc.map((t) => t.id)).not.toContain('history');
  });

  it('says an entry is not committed yet, and outside git shows no history on entry pages (the recent changes page says why)', () => {
    const { root, content: c } = repository();
    writeFiles(root, { 'content/glossary/new.yaml': 'title: New\ndescription: Just written.\nowners: [data-team]\n' });
    const fresh = buildCatalog(c, { today: '2026-11-23' });
    expect(entryPage(fresh, 'new', { history: catalogHistory(fresh) }).history).toEqual({ changes: [], count: 0, note: 'Not committed yet.' });
    const outside = catalogOf({ ...OWNERS });
    const page = entryPage(outside, 'data-team', { history: catalogHistory(outside) });
    expect(page.history).toBeUndefined();
    expect(page.toc.map((t) => t.id)).not.toContain('history');
  });

  it('in a shallow clone, marks the change where history is cut and says so', () => {
    const { root } = repository();
    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'cardcat-shallow-')), 'clone');
    git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${root}`, clone);
    const shallow = buildCatalog(path.join(clone, 'content'), { today: '2026-11-23' });
    const h = entryPage(shallow, 'events', { history: catalogHistory(shallow) }).history!;
    expect(h.changes).toEqual([expect.objectContaining({ author: 'Dee Ata', what: 'added', cut: true })]);
    expect(h.note).toBe('History cut short: this site was built from a shallow clone.');
  });
});

describe('the recent changes page', () => {
  it('lists the latest commits newest first, linking the entries they changed and naming deleted files by path', () => {
    const { content, commits } = repository();
    const catalog = buildCatalog(content, { today: '2026-11-23' });
    const page = recentChangesPage(catalog, catalogHistory(catalog));
    expect(roundTrip(page)).toEqual(page);
    expect(page.note).toBeUndefined();
    expect(page.changes).toHaveLength(commits.length);
    expect(page.changes[0]).toMatchObject({ date: '2026-11-20', author: 'Dee Ata', commit: commits.at(-1)!.slice(0, 7), url: `https://github.com/acme/catalog/commit/${commits.at(-1)}`, subject: 'Drop a term nobody used', files: [{ path: 'glossary/gone.yaml', what: 'deleted' }], more: 0 });
    expect(page.changes[0]!.files[0]!.ref).toBeUndefined();
    expect(page.changes[1]!.files).toEqual([{ ref: '<a href="/sources/events/">Events</a>', path: 'sources/events.yaml' }]);
    expect(page.changes.at(-2)!.files).toEqual([{ ref: expect.stringContaining('/sources/events/'), path: 'sources/events.yaml', what: 'renamed from sources/feed.yaml' }]);
  });

  it(`lists at most ${RECENT_FILES} files of a commit and counts the rest`, () => {
    const { root, content } = repository();
    writeFiles(root, Object.fromEntries(Array.from({ length: RECENT_FILES + 3 }, (_, i) => [`content/glossary/t${i}.yaml`, `title: T${i}\ndescription: A term.\nowners: [data-team]\n`])));
    commitAs(root, 'Import terms', 'Ana Lopez', '2026-11-21');
    const catalog = buildCatalog(content, { today: '2026-11-23' });
    const [latest] = recentChangesPage(catalog, catalogHistory(catalog)).changes;
    expect(latest!.files).toHaveLength(RECENT_FILES);
    expect(latest!.more).toBe(3);
  });

  it('passes on why there is no history', () => {
    const outside = catalogOf({ ...OWNERS });
    expect(recentChangesPage(outside, catalogHistory(outside))).toEqual({ note: 'The catalog is not in a git repository, so when entries changed, and by whom, is not shown.', changes: [] });
  });
});
