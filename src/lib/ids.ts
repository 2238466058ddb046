/** Entry ids are lowercase kebab-case, so they are always safe in URLs and file paths. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ParsedRef {
  id: string;
  version?: string;
}

/** Splits `id@version` into its parts. */
export function parseRef(ref: string): ParsedRef {
  const at = ref.indexOf('@');
  return at < 0 ? { id: ref } : { id: ref.slice(0, at), version: ref.slice(at + 1) };
}
