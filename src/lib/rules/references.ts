import correctSpdx from 'spdx-correct';
import { KINDS, type Kind } from '../../../schemas/index.ts';
import { referencesOf, resolves } from '../graph/references.ts';
import { RELATIONS } from '../graph/relations.ts';
import { didYouMean } from '../suggest.ts';
import type { Entry } from '../types.ts';
import type { Rule } from './rule.ts';

const kindList = (kinds: readonly Kind[]) =>
  kinds.length === Object.keys(KINDS).length ? 'entry' : kinds.map((k) => KINDS[k].label.toLowerCase()).join(' or ');

export const references: Rule = {
  id: 'references',
  severity: 'error',
  doc: 'Every reference names an entry that exists and is of the kind the field expects (a team or person for `owners`, a dataset for `training`, …); column-level lineage names a column the upstream dataset declares; no entry names itself as its own fallback, backup source, replacement, owner or related term. A dangling reference breaks lineage, closures and ownership. Fix the id (the hint suggests the closest one) or add the missing entry.',
  check({ catalog, report }) {
    const { byId } = catalog;
    const idsByKind = new Map<Kind, string[]>();
    for (const entry of byId.values()) {
      const list = idsByKind.get(entry.kind) ?? [];
      list.push(entry.id);
      idsByKind.set(entry.kind, list);
    }
    // Files that exist but failed their schema: references to them are not dangling, and
    // their own diagnostics already say what to fix.
    const invalid = new Set([...catalog.files.values()].map((f) => f.id).filter((id) => !byId.has(id)));
    // A dataset's columns, once: column-level lineage names them from every downstream column.
    const columnSets = new Map<string, Set<string>>();
    const columnsOf = (dataset: Entry) => {
      let set = columnSets.get(dataset.id);
      if (!set) columnSets.set(dataset.id, (set = new Set(dataset.kind === 'dataset' ? dataset.data.schema?.map((c) => c.name) : [])));
      return set;
    };
    for (const entry of catalog.entries) {
      if (byId.get(entry.id) !== entry) continue;
      for (const ref of referencesOf(entry)) {
        const targets = RELATIONS[ref.type].targets as readonly Kind[];
        const target = byId.get(ref.to);
        // A feature name that is no feature's id is a column: the feature-columns rule checks it.
        if (!resolves(ref, target)) continue;
        // Lineage self-references are cycles (lineage-acyclic); the other relations to oneself
        // (a fallback, a backup source, a replacement, an owner) cannot do their job at all.
        if (ref.to === entry.id && !RELATIONS[ref.type].lineage) {
          report({
            entry,
            path: ref.path,
            message: `Self-reference: \`${entry.id}\` ${RELATIONS[ref.type].forward} itself`,
            hint: 'Name another entry, or remove the reference.',
          });
          continue;
        }
        if (!target && invalid.has(ref.to)) continue;
        if (!target) {
          const candidates = targets.flatMap((k) => idsByKind.get(k) ?? []);
          // A lowercase SPDX id (`mit`) reads as the id of a licenses/ entry; say what it likely meant.
          const spdx = ref.type === 'licensed_under' ? correctSpdx(ref.to, { upgrade: true }) : null;
          report({
            entry,
            path: ref.path,
            message: `Unknown ${kindList(targets)} \`${ref.to}\``,
            hint: didYouMean(ref.to, candidates) ?? (spdx ? `Did you mean the SPDX id \`${spdx}\`? SPDX ids are case-sensitive.` : undefined) ?? `Add \`${KINDS[targets[0]!].folder}/${ref.to}${targets[0] === 'dataset' || targets[0] === 'model' ? '.md' : '.yaml'}\` or fix the id.`,
          });
        } else if (!targets.includes(target.kind)) {
          report({
            entry,
            path: ref.path,
            message: `Unexpected ${KINDS[target.kind].label.toLowerCase()} \`${ref.to}\`, expected a ${kindList(targets)}`,
            related: [{ entry: target, message: `\`${ref.to}\` is defined here` }],
          });
        } else if (ref.column !== undefined && target.kind === 'dataset') {
          if (!columnsOf(target).has(ref.column)) {
            const columns = target.data.schema?.map((c) => c.name) ?? [];
            report({
              entry,
              path: ref.path,
              message: `Unknown column \`${ref.column}\` in dataset \`${ref.to}\``,
              hint: didYouMean(ref.column, columns) ?? (columns.length ? `Its columns: ${columns.map((c) => `\`${c}\``).join(', ')}.` : `\`${ref.to}\` declares no schema.`),
              related: [{ entry: target, path: ['schema'], message: `the schema of \`${ref.to}\`` }],
            });
          }
        }
      }
    }
  },
};
