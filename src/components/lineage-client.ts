/**
 * An entry's deeper lineage views, fetched from its lineage file (see
 * `src/lib/pages/lineage.ts`) the first time the reader picks one, then kept for the page's
 * life: the page itself carries the first view's text only.
 */
interface LineageFile {
  entries: Record<string, { depth: number; nodes: number; text: string }[]>;
}

const files = new Map<string, Promise<LineageFile>>();

/** The file's JSON, unzipped here unless the server already did (sending it with `Content-Encoding: gzip`): gzip's magic number tells. */
async function unzipJson(response: Response): Promise<unknown> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).json();
}

function fileAt(url: string): Promise<LineageFile> {
  let file = files.get(url);
  if (!file) {
    file = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return unzipJson(response) as Promise<LineageFile>;
    });
    // A failed fetch is not kept, so that picking the view again tries again.
    file.catch(() => files.delete(url));
    files.set(url, file);
  }
  return file;
}

/** The Mermaid text of the view `depth` steps deep, from `url`: the lineage file, with the entry's id as fragment. */
export async function deeperView(url: string, depth: number): Promise<string> {
  const at = url.lastIndexOf('#');
  const [file, id] = at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
  const view = (await fileAt(file)).entries[id]?.find((v) => v.depth === depth);
  if (!view) throw new Error(`${file} has no view of ${id} ${depth} steps deep`);
  return view.text;
}
