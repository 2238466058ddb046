/** sitemap.xml for the built pages; search engines need absolute addresses, hence the site URL. */

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A page's path ends in a slash; a file's last segment has an extension (`catalog.json`, `lineage.json.gz`): those are for tools, not search engines. */
const isPage = (p: string) => !/\.[a-z0-9]+$/i.test(p);

/** `siteUrl` is the public address including any base path; `paths` are relative to it. */
export function sitemapXml(siteUrl: string, paths: readonly string[]): string {
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const urls = [...new Set(paths.filter(isPage).map((p) => p.replace(/^\/+/, '')))].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((p) => `  <url><loc>${esc(new URL(p, root).href)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
