/**
 * Two site builds in one checkout: the second waits for the first's lock and says so, and
 * the output folder is only ever replaced by a whole site (scripts/build-output.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, lockPath, publish, stagingFolder } from '../../scripts/build-output.ts';
import { writeProject } from '../helpers/catalog.ts';

describe('site build output', () => {
  it('makes a second build wait, saying so, until the first releases the lock', async () => {
    const outDir = path.join(writeProject({}), 'dist');
    const events: string[] = [];
    const first = await acquireBuildLock(outDir);
    events.push('first took the lock');
    const second = acquireBuildLock(outDir, { pollMs: 10, onWait: (pid) => events.push(`second waits for ${pid === process.pid ? 'the first' : pid}`) }).then((lock) => {
      events.push('second took the lock');
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    events.push('first released the lock');
    first.release();
    (await second).release();
    expect(events).toEqual(['first took the lock', 'second waits for the first', 'first released the lock', 'second took the lock']);
    expect(existsSync(lockPath(outDir))).toBe(false);
  });

  it('names the holder when it says it waits, even if it finds the lock before its holder wrote its pid', async () => {
    const outDir = path.join(writeProject({}), 'dist');
    // The instant between the holder's mkdir and its pid file.
    mkdirSync(lockPath(outDir));
    const told: (number | undefined)[] = [];
    const second = acquireBuildLock(outDir, { pollMs: 10, onWait: (pid) => told.push(pid) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(path.join(lockPath(outDir), 'pid'), String(process.pid));
    await new Promise((resolve) => setTimeout(resolve, 50));
    rmSync(lockPath(outDir), { recursive: true, force: true });
    (await second).release();
    expect(told).toEqual([process.pid]);
  });

  it('takes over a lock left by a build that was killed', async () => {
    const outDir = path.join(writeProject({}), 'dist');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(lockPath(outDir));
    writeFileSync(path.join(lockPath(outDir), 'pid'), dead.stdout);
    let waited = false;
    const lock = await acquireBuildLock(outDir, { pollMs: 10, onWait: () => (waited = true) });
    expect(waited).toBe(false);
    expect(readFileSync(path.join(lockPath(outDir), 'pid'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('replaces the whole output folder with the finished one, leaving nothing beside it', () => {
    const project = writeProject({ 'dist/index.html': 'old', 'dist/gone.html': 'old page' });
    const outDir = path.join(project, 'dist');
    const staging = stagingFolder(outDir);
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'index.html'), 'new');
    publish(staging, outDir);
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(project).sort()).toEqual(['content', 'dist']);
  });

  it('leaves the previous site in place when the new one cannot be moved in', () => {
    const project = writeProject({ 'dist/index.html': 'old' });
    const outDir = path.join(project, 'dist');
    expect(() => publish(path.join(project, 'never-built'), outDir)).toThrow();
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(project).sort()).toEqual(['content', 'dist']);
  });
});
