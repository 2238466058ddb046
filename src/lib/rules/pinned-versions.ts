import { referencesOf } from '../graph/references.ts';
import type { Rule } from './rule.ts';

export const pinnedVersions: Rule = {
  id: 'pinned-versions',
  severity: 'error',
  doc: 'A reference pinned to a version (`id@version`, or `version:` beside a dataset reference) names a version the dataset lists under `versions` (or the version a model card describes, or one of its earlier `versions`). A pin to a version nobody recorded cannot be reproduced. Add the version to the upstream entry or fix the pin.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      for (const ref of referencesOf(entry)) {
        if (ref.version === undefined) continue;
        const target = catalog.byId.get(ref.to);
        if (!target) continue;
        let known: string[];
        if (target.kind === 'dataset') known = target.data.versions?.map((v) => v.version) ?? [];
        else if (target.kind === 'model') known = [...(target.data.versions ?? []).map((v) => v.version), ...(target.data.version === undefined ? [] : [target.data.version])];
        else continue;
        if (known.includes(ref.version)) continue;
        report({
          entry,
          path: ref.path,
          message: `Unknown version \`${ref.version}\` of \`${ref.to}\``,
          hint: known.length ? `Known versions: ${known.map((v) => `\`${v}\``).join(', ')}.` : `\`${ref.to}\` lists no versions; add them under \`versions\`.`,
          related: [{ entry: target, path: target.kind === 'dataset' ? ['versions'] : ['version'], message: `versions of \`${ref.to}\`` }],
        });
      }
    }
  },
};
