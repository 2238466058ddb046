/**
 * A catalog with more datasets than one index page holds, served under a sub-path, for
 * the build and browser tests of paged indexes. Titles run against ids ("Table 1" is the
 * last id), so a page in id order would show.
 */
export const PAGED_DATASETS = 450;

const TEAMS = ['team-a', 'team-b', 'team-c'] as const;

export interface PagedDataset {
  id: string;
  title: string;
  owner: (typeof TEAMS)[number];
  status: 'active' | 'draft';
  tags: string[];
  domain: string;
  license: string | undefined;
}

export const pagedDatasets: PagedDataset[] = Array.from({ length: PAGED_DATASETS }, (_, i) => ({
  id: `ds-${String(i).padStart(3, '0')}`,
  title: `Table ${PAGED_DATASETS - i}`,
  owner: TEAMS[i % TEAMS.length]!,
  status: i % 10 === 0 ? 'draft' : 'active',
  // One tag per dataset, so the tag list has far more values than a page may offer.
  tags: ['shared', `tag-${String(i).padStart(3, '0')}`],
  domain: i % 2 ? 'engagement' : 'billing',
  license: i % 4 === 0 ? 'CC-BY-4.0' : undefined,
}));

export function pagedCatalogFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'cardcat.config.yaml': 'site:\n  title: Paged catalog\n  base: /catalog/\n  url: https://data.example.org\n',
    'content/models/scorer.yaml': 'title: Scorer\ndescription: Scores tables.\nowners: [team-a]\nreviewed: 2026-11-01\nstage: development\ntraining:\n  - { dataset: ds-000 }\n',
  };
  for (const team of TEAMS) {
    files[`content/teams/${team}.yaml`] = `title: Team ${team.slice(-1).toUpperCase()}\ndescription: Owns tables.\nmembers:\n  - { name: Dee Ata, email: dee@example.com }\n`;
  }
  for (const d of pagedDatasets) {
    files[`content/datasets/${d.id}.yaml`] = [
      `title: ${d.title}`,
      `description: One table of ${d.domain}.`,
      `owners: [${d.owner}]`,
      `status: ${d.status}`,
      `tags: [${d.tags.join(', ')}]`,
      `domain: ${d.domain}`,
      'reviewed: 2026-11-01',
      ...(d.license ? [`rights: { license: ${d.license} }`] : []),
      // Everything is built from the first table, so its "Impacts" list runs to several pages.
      ...(d.id === 'ds-000' ? [] : ['derived_from: [{ dataset: ds-000 }]']),
      '',
    ].join('\n');
  }
  return files;
}
