import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const entry = (title: string, lines = '') => `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${lines}---\n`;

describe('depends-on-deprecated', () => {
  it('warns about an active entry that depends on a deprecated one, and names what replaces it', () => {
    const text = diagnose('depends-on-deprecated', {
      'datasets/telemetry-v1.md': entry('Telemetry v1', 'status: deprecated\nreplaced_by: telemetry-v2\n'),
      'datasets/telemetry-v2.md': entry('Telemetry v2'),
      'models/rebuffer.md': entry('Rebuffer risk', 'stage: staging\ntraining: [{ dataset: telemetry-v1, split: train }]\nevaluation: [{ dataset: telemetry-v1, split: test }]\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/rebuffer.md:6:23 warning Trained on \`telemetry-v1\`, which is deprecated
        hint: Move to \`telemetry-v2\`, which replaces it.
        see: content/datasets/telemetry-v1.md:5:9 \`telemetry-v1\` is deprecated"
    `);
  });

  it('says to ask the owners when a deprecated entry names no replacement', () => {
    const text = diagnose('depends-on-deprecated', {
      'sources/ftp-drop.yaml': 'title: FTP drop\nowners: [data-team]\ntype: file\nstatus: deprecated\n',
      'datasets/events.md': entry('Events', 'sources: { primary: ftp-drop }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:5:21 warning Collected from \`ftp-drop\`, which is deprecated
        hint: Ask the owners of \`ftp-drop\` what replaces it.
        see: content/sources/ftp-drop.yaml:4:9 \`ftp-drop\` is deprecated"
    `);
  });

  it('accepts dependencies on active entries', () => {
    const text = diagnose('depends-on-deprecated', {
      'datasets/telemetry-v2.md': entry('Telemetry v2'),
      'models/rebuffer.md': entry('Rebuffer risk', 'training: [{ dataset: telemetry-v2 }]\n'),
    });
    expect(text).toBe('');
  });
});
