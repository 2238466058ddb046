/**
 * Where a site build writes, so two builds in one checkout cannot spoil each other: a lock
 * beside the output folder makes the second wait (and say so), and each build writes into
 * a temporary folder renamed into place only when it is whole. A build that fails or is
 * killed leaves the previous site as it was, never a half-written one.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface Lock {
  release(): void;
}

/** The lock folder for builds into `outDir`. */
export function lockPath(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.build-lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock for `outDir`, waiting while another live process holds it. `mkdir` is the
 * atomic step: of two builds starting together exactly one makes the folder. A lock whose
 * process has died (a build killed with SIGKILL) is taken over.
 */
export async function acquireBuildLock(outDir: string, options: { onWait?: (pid: number) => void; pollMs?: number } = {}): Promise<Lock> {
  const lock = lockPath(outDir);
  mkdirSync(path.dirname(lock), { recursive: true });
  let told = false;
  let unknownSince: number | undefined;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return { release: () => rmSync(lock, { recursive: true, force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(lock);
    // The pid file is written just after the folder is made: give its writer a moment.
    if (pid === undefined) unknownSince ??= Date.now();
    else unknownSince = undefined;
    const stale = pid !== undefined ? !alive(pid) : Date.now() - unknownSince! > 5_000;
    if (stale) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    // Said once the holder is known: a build that found the lock in that moment would
    // otherwise say it waits for an unnamed process.
    if (!told && pid !== undefined) {
      options.onWait?.(pid);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}

/** A fresh folder beside `outDir` to build into (not hidden: bundlers and indexers may skip hidden paths). */
export function stagingFolder(outDir: string): string {
  const staging = path.join(path.dirname(outDir), `${path.basename(outDir)}.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  return staging;
}

/**
 * Puts the finished `staging` folder at `outDir`: the old site is moved aside, the new one
 * renamed in, the old one deleted. Between the two renames `outDir` is briefly absent, but
 * never half-written.
 */
export function publish(staging: string, outDir: string): void {
  const old = path.join(path.dirname(outDir), `${path.basename(outDir)}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadOld) renameSync(old, outDir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
