/**
 * The class balance of a dataset's split parts as an SVG drawn at build time: one
 * 100%-stacked bar per part, so a rare class that a stratified split must preserve is
 * visible at a glance and no script is needed to see it.
 */
import { own } from '../own.ts';
import type { Splits } from '../../../schemas/dataset.ts';

export interface ChartOptions {
  width?: number;
  /** Unique per page, for the `aria-labelledby` ids. */
  idPrefix?: string;
}

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/** The classes across all parts, in first-seen order. */
export function classesOf(splits: Splits): string[] {
  const out: string[] = [];
  for (const part of splits.parts) for (const name of Object.keys(part.classes ?? {})) if (!out.includes(name)) out.push(name);
  return out;
}

/** The SVG, or undefined when no part declares per-class counts. */
export function classBalanceSvg(splits: Splits, options: ChartOptions = {}): string | undefined {
  const classes = classesOf(splits);
  const parts = splits.parts.filter((p) => p.classes && Object.values(p.classes).some((n) => n > 0));
  if (classes.length === 0 || parts.length === 0) return undefined;
  const width = options.width ?? 640;
  const prefix = options.idPrefix ?? 'balance';
  const labelWidth = 110;
  const barWidth = width - labelWidth - 10;
  const barHeight = 26;
  const gap = 14;
  const legendHeight = 28;
  const height = legendHeight + parts.length * (barHeight + gap);

  const summary = parts
    .map((p) => {
      const total = Object.values(p.classes!).reduce((a, b) => a + b, 0);
      return `${p.name}: ${classes.map((c) => `${c} ${percent((own(p.classes, c) ?? 0) / total)}`).join(', ')}`;
    })
    .join('; ');

  const out: string[] = [];
  out.push(
    `<svg class="balance-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`,
  );
  out.push(`<title id="${prefix}-title">Class balance by split part${splits.stratify_by ? ` (${esc(splits.stratify_by)})` : ''}</title>`);
  out.push(`<desc id="${prefix}-desc">${esc(summary)}</desc>`);
  classes.forEach((name, i) => {
    const x = labelWidth + i * 120;
    out.push(`<rect class="seg seg-${i % 6}" x="${x}" y="6" width="14" height="14" rx="3"/>`);
    out.push(`<text class="legend" x="${x + 20}" y="18">${esc(name)}</text>`);
  });
  parts.forEach((part, row) => {
    const y = legendHeight + row * (barHeight + gap);
    const counts = classes.map((c) => own(part.classes, c) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    out.push(`<text class="label" x="0" y="${y + barHeight / 2 + 5}">${esc(part.name)}</text>`);
    let x = labelWidth;
    counts.forEach((count, i) => {
      if (count === 0) return;
      // A rare class still gets a sliver wide enough to see.
      const w = Math.max(2, (count / total) * barWidth);
      out.push(
        `<rect class="seg seg-${i % 6}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}"><title>${esc(`${part.name}, ${classes[i]}: ${count} (${percent(count / total)})`)}</title></rect>`,
      );
      if (w > 64) {
        out.push(`<text class="value" x="${(x + 6).toFixed(1)}" y="${y + barHeight / 2 + 5}">${esc(`${classes[i]} ${percent(count / total)}`)}</text>`);
      }
      x += w;
    });
  });
  out.push('</svg>');
  return out.join('');
}
