/**
 * One string for each text repeated across a catalog's parsed values. Parsing gives every
 * occurrence its own string: a column's type (`integer` a hundred thousand times at 10,000
 * synthetic entries), a unit, an inherited column's description, a referenced id. A site
 * build keeps every entry's values for the whole build, and at 10,000 entries the repeats
 * were 47 of the 81 MB its strings took.
 */
export function shareStrings(values: unknown[]): void {
  const seen = new Map<string, string>();
  const share = (text: string): string => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
  const stack: unknown[] = [...values];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'string') node[i] = share(item);
        else if (item !== null && typeof item === 'object') stack.push(item);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = share(item);
      else if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
}
