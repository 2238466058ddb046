/** A small catalog with a lineage chain, shared by the graph and impact tests. */

const entry = (title: string, owners: string, extra = '', body = '# Motivation\n\nTests.\n') =>
  `---\ntitle: ${title}\ndescription: For tests.\nowners: [${owners}]\nreviewed: 2026-11-01\n${extra}---\n${body}`;

/**
 * Content files (relative to `content/`): events-api → raw-events → clean-events → labels
 * → churn-model (falling back to churn-rule), and raw-events → old-sample → sample-report.
 */
export const LINEAGE: Record<string, string> = {
  'teams/data-team.yaml': 'title: Data team\n',
  'teams/ml-team.yaml': 'title: ML team\n',
  'people/dee-ata.yaml': 'title: Dee Ata\nemail: dee@example.com\nteams: [data-team]\n',
  'sources/events-api.yaml': 'title: Events API\ntype: api\nowners: [data-team]\n',
  'datasets/raw-events.md': entry('Raw events', 'data-team', 'sources: { primary: events-api }\n'),
  'datasets/clean-events.md': entry(`'Clean "events" <b>bold</b> [x] #1 end'`, 'data-team', 'derived_from:\n  - { dataset: raw-events, transform: dedupe }\n'),
  'datasets/labels.md': entry('Labels', 'data-team', 'derived_from:\n  - { dataset: clean-events }\n'),
  'datasets/old-sample.md': entry('Old sample', 'data-team', 'derived_from:\n  - { dataset: raw-events }\n'),
  'datasets/sample-report.md': entry('Sample report', 'data-team', 'derived_from:\n  - { dataset: old-sample }\n'),
  'models/churn-rule.md': entry('Churn rule', 'ml-team', '', ''),
  'models/churn-model.md': entry('Churn model', 'ml-team, dee-ata', 'training:\n  - { dataset: labels, split: train }\nfallback: churn-rule\n', ''),
};
