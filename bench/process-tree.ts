/**
 * Samples a process and everything it started, from /proc: the largest resident memory
 * they held together at one moment, and the CPU time they used. GNU time sees only the
 * processes it waits for, and the Pagefind binary, which the pagefind package starts and
 * stops itself, is not one of them: it alone held 4 GB at 10,000 entries.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const hasProc = existsSync('/proc/self/stat');

const config = (name: string, fallback: number) => {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
};

interface Stat {
  ppid: number;
  /** User plus system time, in clock ticks. */
  ticks: number;
  /** Resident pages. */
  pages: number;
}

/** Fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Counting from the state field (the 3rd in proc(5)): ppid is the 4th field, utime and
    // stime the 14th and 15th, rss the 24th.
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), pages: Number(fields[21]) };
  } catch {
    return undefined; // The process ended between listing and reading.
  }
}

export interface TreeUsage {
  peakBytes: number;
  cpuMs: number;
}

export function sampleTree(rootPid: number, everyMs = 200): { stop(): TreeUsage } {
  const pageBytes = config('PAGESIZE', 4096);
  const tickMs = 1000 / config('CLK_TCK', 100);
  let peakBytes = 0;
  // The last CPU reading of every process seen, kept after it ends.
  const ticks = new Map<number, number>();
  const sample = () => {
    const stats = new Map<number, Stat>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readStat(name);
      if (stat) stats.set(Number(name), stat);
    }
    const children = new Map<number, number[]>();
    for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
    let bytes = 0;
    const queue = [rootPid];
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      const stat = stats.get(pid);
      if (!stat) continue;
      bytes += stat.pages * pageBytes;
      ticks.set(pid, stat.ticks);
      queue.push(...(children.get(pid) ?? []));
    }
    peakBytes = Math.max(peakBytes, bytes);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      let total = 0;
      for (const t of ticks.values()) total += t;
      return { peakBytes, cpuMs: total * tickMs };
    },
  };
}
