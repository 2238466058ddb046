/**
 * Runs one command as a child process and measures it: wall time, CPU time and peak
 * resident memory. Memory and CPU cover the command and every process it started, sampled
 * from /proc (`process-tree.ts`); GNU time (`/usr/bin/time`), which counts only the
 * processes it waited for, is the floor of both, and the only source where /proc is
 * missing. Without either, they are reported as unknown rather than guessed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasProc, sampleTree } from './process-tree.ts';

export interface Measurement {
  ms: number;
  /** User plus system CPU time of the command and the processes it started. */
  cpuMs?: number;
  /** The most resident memory the command and its processes held together, in bytes. */
  peakBytes?: number;
  code: number;
  /** The last lines of the command's output, for reporting a failure. */
  tail: string;
}

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'cardcat-measure-'));
  const report = path.join(scratch, 'time.txt');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', report, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tree = hasProc && child.pid !== undefined ? sampleTree(child.pid) : undefined;
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const result: Measurement = { ms, code: code ?? 1, tail };
      const sampled = tree?.stop();
      if (sampled) Object.assign(result, sampled);
      if (hasGnuTime && existsSync(report)) {
        // The last line holds the figures; a line before it says when the command failed.
        const line = readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? '';
        const [kb, user, system] = line.split(' ').map(Number);
        // Sampling can miss a peak between samples or a process's last moments; GNU time cannot.
        if (kb !== undefined && Number.isFinite(kb)) result.peakBytes = Math.max(result.peakBytes ?? 0, kb * 1024);
        if (user !== undefined && system !== undefined && Number.isFinite(user + system)) result.cpuMs = Math.max(result.cpuMs ?? 0, (user + system) * 1000);
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve(result);
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
