import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileExistsError, replaceFile, writeNewFile } from '../src/lib/safe-write.ts';
import { writeProject } from './helpers/catalog.ts';

describe('safe writes', () => {
  it('creates a new file with its folders', () => {
    const root = writeProject({});
    const file = path.join(root, 'a', 'b', 'new.yaml');
    writeNewFile(file, 'title: New\n');
    expect(readFileSync(file, 'utf8')).toBe('title: New\n');
  });

  it('refuses to overwrite an existing file and leaves it as it was', () => {
    const root = writeProject({ 'keep.yaml': 'title: Mine\n' });
    const file = path.join(root, 'keep.yaml');
    expect(() => writeNewFile(file, 'title: Theirs\n')).toThrow(FileExistsError);
    expect(readFileSync(file, 'utf8')).toBe('title: Mine\n');
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a file in one step and leaves no temporary file behind', () => {
    const root = writeProject({});
    const file = path.join(root, 'out.json');
    writeFileSync(file, 'old');
    replaceFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
