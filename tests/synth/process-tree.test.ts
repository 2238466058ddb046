import { describe, expect, it } from 'vitest';
import { measure } from '../../bench/measure.ts';
import { hasProc } from '../../bench/process-tree.ts';

// Two processes started by a shell, each holding about 150 MB for a second, as Astro and
// the Pagefind binary do at once: GNU time alone would see only the larger one.
const HOLD = "const b = Buffer.alloc(150 * 2 ** 20, 1); setTimeout(() => b.length, 1500);";

describe('measuring a command and the processes it starts', () => {
  it.skipIf(!hasProc)('counts the memory of every process the command started, held at the same time', async () => {
    const node = process.execPath;
    const m = await measure('sh', ['-c', `"${node}" -e "${HOLD}" & "${node}" -e "${HOLD}" & wait`], { cwd: process.cwd(), env: process.env });
    expect(m.code).toBe(0);
    expect(m.peakBytes).toBeGreaterThan(2 * 150 * 2 ** 20);
    expect(m.cpuMs).toBeGreaterThan(0);
  });
});
