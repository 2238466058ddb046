/** sitemap.xml for the built pages; search engines need absolute addresses, hence the site URL. */

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** `siteUrl` is the public address including any base path; `paths` are relative to it. */
export function sitemapXml(siteUrl: string, paths: readonly string[]): string {
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const urls = [...new Set(paths.map((p) => p.replace(/^\/+/, '')))].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((p) => `  <url><loc>${esc(new URL(p, root).href)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
