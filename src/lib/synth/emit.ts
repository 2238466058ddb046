/**
 * Entry files as people write them: block YAML at the top, one flow mapping per line for
 * list items (columns, split parts, metrics), as in the demo catalog. The `yaml` package
 * does the quoting, so any generated text round-trips.
 */
import { Document, isCollection, isScalar, isSeq, visit } from 'yaml';

export function yamlText(value: Record<string, unknown>): string {
  const doc = new Document(value);
  visit(doc, {
    Map(_key, node, path) {
      if (isSeq(path.at(-1)) || node.items.every((pair) => isScalar(pair.value))) node.flow = true;
    },
    Seq(_key, node, path) {
      if (isSeq(path.at(-1)) || node.items.every((item) => !isCollection(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** A Markdown entry: front matter between `---` lines, then the body. */
export function markdownEntry(front: Record<string, unknown>, body: string): string {
  return `---\n${yamlText(front)}---\n${body}`;
}
