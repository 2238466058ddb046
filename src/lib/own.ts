/**
 * Looking up a name from content in a plain object. `record[name]` finds built-ins for
 * names such as `constructor` or `toString` (a class, a use, a column may be called so),
 * and a count of `Object` gives "NaN%"; only the object's own properties count here.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
