import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesAfterReview, commitUrl } from '../../src/lib/history/build.ts';
import { LOG_FORMAT, parseLog } from '../../src/lib/history/log.ts';
import { catalogHistory, readHistory } from '../../src/lib/history/read.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { commit, git, writeFiles } from '../cli/git-repo.ts';
import { writeProject } from '../helpers/catalog.ts';

/** Commits everything as `author` on `day`, so authors and dates can be asserted. */
function commitAs(root: string, message: string, author: string, day: string): string {
  git(root, 'add', '-A');
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message, `--author=${author} <${author.toLowerCase().replace(/\s+/g, '.')}@example.com>`, `--date=${day}T12:00:00Z`], {
    cwd: root,
    env: { ...process.env, GIT_COMMITTER_DATE: `${day}T13:00:00Z`, GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  return git(root, 'rev-parse', 'HEAD');
}

/**
 * content/sources/feed.yaml, added by Ana, renamed to events-feed.yaml by Ben, edited by
 * Cleo; content/teams/data.yaml added and edited; a file outside content/ changed too.
 */
function repository() {
  const root = writeProject({});
  git(root, 'init', '-q');
  writeFiles(root, { 'content/sources/feed.yaml': 'title: Feed\n', 'content/teams/data.yaml': 'title: Data\n', 'README.md': 'hi\n' });
  const c1 = commitAs(root, 'Add the feed and the data team', 'Ana Lopez', '2026-10-01');
  git(root, 'mv', 'content/sources/feed.yaml', 'content/sources/events-feed.yaml');
  const c2 = commitAs(root, 'Name the feed for what it carries', 'Ben Okafor', '2026-10-05');
  writeFiles(root, { 'content/sources/events-feed.yaml': 'title: Events feed\ndescription: Events.\n', 'README.md': 'hello\n' });
  const c3 = commitAs(root, 'Describe the events feed', 'Cleo Park', '2026-11-10');
  writeFiles(root, { 'content/teams/data.yaml': 'title: Data team\n' });
  const c4 = commitAs(root, 'Spell out the team name', 'Ana Lopez', '2026-11-20');
  writeFiles(root, { 'content/datasets/new.md': '---\ntitle: New\n---\n' });
  return { root, content: path.join(root, 'content'), commits: [c1, c2, c3, c4] };
}

const FILES = ['sources/events-feed.yaml', 'teams/data.yaml', 'datasets/new.md'];

describe('history from git', () => {
  it('follows a file back through its rename, newest change first, with authors and dates', () => {
    const { content, commits } = repository();
    const history = readHistory(content, { files: FILES });
    expect(history).toMatchObject({ available: true, shallow: false });
    expect(history.note).toBeUndefined();
    const feed = history.files['sources/events-feed.yaml']!;
    expect(feed.count).toBe(3);
    expect(feed.changes.map((c) => [c.short, c.author, c.date.slice(0, 10), c.status, c.path, c.from ?? null])).toEqual([
      [commits[2]!.slice(0, 7), 'Cleo Park', '2026-11-10', 'modified', 'sources/events-feed.yaml', null],
      [commits[1]!.slice(0, 7), 'Ben Okafor', '2026-10-05', 'renamed', 'sources/events-feed.yaml', 'sources/feed.yaml'],
      [commits[0]!.slice(0, 7), 'Ana Lopez', '2026-10-01', 'added', 'sources/feed.yaml', null],
    ]);
    expect(feed.changes[0]!.hash).toBe(commits[2]);
    expect(feed.changes[0]!.subject).toBe('Describe the events feed');
  });

  it('does not give a new file the history of an older one that was renamed away from its name', () => {
    const { root, content } = repository();
    writeFiles(root, { 'content/sources/feed.yaml': 'title: A different feed\n' });
    commitAs(root, 'Add another feed under the old name', 'Dee Ata', '2026-11-25');
    const history = readHistory(content, { files: [...FILES, 'sources/feed.yaml'] });
    expect(history.files['sources/feed.yaml']!.changes.map((c) => c.author)).toEqual(['Dee Ata']);
    expect(history.files['sources/events-feed.yaml']!.changes.map((c) => c.author)).toEqual(['Cleo Park', 'Ben Okafor', 'Ana Lopez']);
  });

  it('leaves out a file that was never committed, and keeps only the last few changes', () => {
    const { content } = repository();
    const history = readHistory(content, { files: FILES, perFile: 1 });
    expect(history.files['datasets/new.md']).toBeUndefined();
    expect(history.files['teams/data.yaml']).toMatchObject({ count: 2, changes: [{ author: 'Ana Lopez', subject: 'Spell out the team name' }] });
  });

  it('lists the latest changes across the catalog, naming files by their current path', () => {
    const { content } = repository();
    const { recent } = readHistory(content, { files: FILES, recent: 3 });
    expect(recent.map((r) => [r.subject, r.files])).toEqual([
      ['Spell out the team name', [{ path: 'teams/data.yaml', status: 'modified', current: 'teams/data.yaml' }]],
      ['Describe the events feed', [{ path: 'sources/events-feed.yaml', status: 'modified', current: 'sources/events-feed.yaml' }]],
      ['Name the feed for what it carries', [{ path: 'sources/events-feed.yaml', status: 'renamed', from: 'sources/feed.yaml', current: 'sources/events-feed.yaml' }]],
    ]);
  });

  it('links each commit to the repository when repo_url is set', () => {
    const { content, commits } = repository();
    const history = readHistory(content, { files: FILES, repoUrl: 'https://github.com/acme/catalog/' });
    expect(history.files['teams/data.yaml']!.changes[0]!.url).toBe(`https://github.com/acme/catalog/commit/${commits[3]}`);
    expect(history.recent[0]!.url).toBe(`https://github.com/acme/catalog/commit/${commits[3]}`);
    expect(readHistory(content, { files: FILES }).recent[0]!.url).toBeUndefined();
    expect(commitUrl('https://gitlab.example/acme/catalog.git', 'abc')).toBe('https://gitlab.example/acme/catalog/commit/abc');
  });

  it('says which changes came after the last review', () => {
    const { content } = repository();
    const feed = readHistory(content, { files: FILES }).files['sources/events-feed.yaml'];
    expect(changesAfterReview(feed, '2026-10-05').map((c) => c.subject)).toEqual(['Describe the events feed']);
    expect(changesAfterReview(feed, '2026-11-10')).toEqual([]);
    expect(changesAfterReview(feed, undefined)).toEqual([]);
  });

  it('in a shallow clone, says the history is cut and marks the commit where it is', () => {
    const { root } = repository();
    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'cardcat-shallow-')), 'clone');
    git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${root}`, clone);
    const history = readHistory(path.join(clone, 'content'), { files: FILES });
    expect(history.available).toBe(true);
    expect(history.shallow).toBe(true);
    expect(history.note).toMatch(/^This is a shallow clone: changes older than its oldest commit are missing.*`fetch-depth: 0`/);
    const feed = history.files['sources/events-feed.yaml']!;
    expect(feed.count).toBe(1);
    expect(feed.changes[0]).toMatchObject({ status: 'added', author: 'Ana Lopez', boundary: true });
  });

  it('reads a whole catalog’s history keyed by the paths its files have in the catalog', () => {
    const { root, content, commits } = repository();
    writeFiles(root, { 'cardcat.config.yaml': 'site: { repo_url: "https://github.com/acme/catalog" }\n' });
    const history = catalogHistory(buildCatalog(content, { today: '2026-12-04' }));
    expect(Object.keys(history.files).sort()).toEqual(['sources/events-feed.yaml', 'teams/data.yaml']);
    expect(history.files['teams/data.yaml']!.changes[0]!.url).toBe(`https://github.com/acme/catalog/commit/${commits[3]}`);
  });

  it('outside a repository, reads no history and says why', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cardcat-nogit-'));
    const history = readHistory(root, { files: [] });
    expect(history).toEqual({
      available: false,
      shallow: false,
      note: 'The catalog is not in a git repository, so when entries changed, and by whom, is not shown.',
      files: {},
      recent: [],
    });
  });

  it('in a repository with no commits, says so', () => {
    const root = writeProject({});
    git(root, 'init', '-q');
    expect(readHistory(path.join(root, 'content'), { files: [] }).note).toBe('The repository has no commits yet, so no entry has a change history.');
  });
});

describe('parsing the log', () => {
  it('reads odd subjects and file names with spaces, quotes and non-ASCII letters', () => {
    const root = writeProject({});
    git(root, 'init', '-q');
    writeFiles(root, { 'content/glossary/café "x" y.yaml': 'title: x\n' });
    commit(root, 'Add ✓ a term: with | pipes\tand tabs');
    const text = git(root, 'log', '-z', '--name-status', '-M', `--format=${LOG_FORMAT}`);
    const [only] = parseLog(text);
    expect(only!.subject).toBe('Add ✓ a term: with | pipes\tand tabs');
    expect(only!.files).toEqual([{ status: 'added', path: 'content/glossary/café "x" y.yaml' }]);
  });
});
