import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cardcat.ts';
import type { Io } from '../../scripts/cli.ts';
import { writeProject } from '../helpers/catalog.ts';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false };
  return { io: value, out, err };
}

describe('npm run synth', () => {
  it('writes a catalog and its config into the folder given', async () => {
    const root = writeProject({});
    const { io: i, out } = io(root);
    expect(await main(['synth', '--entries', '60', '--out', 'synthetic', '--quiet'], i)).toBe(0);
    expect(out.join('\n')).toContain('Wrote 61 files to synthetic');
    expect(readdirSync(path.join(root, 'synthetic', 'content')).sort()).toEqual(['datasets', 'features', 'glossary', 'licenses', 'models', 'people', 'sources', 'teams']);
    expect(readFileSync(path.join(root, 'synthetic', 'cardcat.config.yaml'), 'utf8')).toContain('uses:');
    const { io: checkIo } = io(root);
    expect(await main(['check', '--content', 'synthetic/content', '--today', '2026-11-01'], checkIo)).toBe(0);
  });

  it('leaves files that already exist as they were, and says so', async () => {
    const root = writeProject({});
    const { io: first } = io(root);
    await main(['synth', '--entries', '60', '--out', 'out', '--quiet'], first);
    const team = path.join(root, 'out', 'content', 'teams', 'recsys-team.yaml');
    writeFileSync(team, 'title: Ours\n');
    const { io: second, out } = io(root);
    expect(await main(['synth', '--entries', '60', '--out', 'out', '--quiet'], second)).toBe(0);
    expect(readFileSync(team, 'utf8')).toBe('title: Ours\n');
    expect(out.join('\n')).toContain('Wrote 0 files to out; 61 already existed and were left as they were');
  });

  it('rejects a missing or too small entry count as a usage error', async () => {
    const root = writeProject({});
    const { io: a, err } = io(root);
    expect(await main(['synth', '--out', 'x'], a)).toBe(2);
    expect(err.join('\n')).toContain('Expected `--entries N`');
    const { io: b } = io(root);
    expect(await main(['synth', '--entries', '10', '--out', 'x'], b)).toBe(2);
    const { io: c, err: cErr } = io(root);
    expect(await main(['synth', '--entries', '100'], c)).toBe(2);
    expect(cErr.join('\n')).toContain('Expected `--out DIR`');
  });
});
