/**
 * A certified range drawn against the training data's range, as an SVG made at build
 * time: the training range as a band, the certified range as a bar over it, and any part
 * of the certified range that the training data never covered marked, so a model
 * certified where it never saw data shows without reading numbers.
 */
import { escapeHtml as esc } from './html.ts';

export interface DomainRange {
  /** The feature, as the model names it. */
  feature: string;
  certified: readonly [number, number];
  training: readonly [number, number];
  /** Where the training range comes from, such as `viewing-events.tenure_days`. */
  column?: string;
  unit?: string;
}

export interface DomainChartOptions {
  width?: number;
  /** Unique per page, for the `aria-labelledby` ids. */
  idPrefix?: string;
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));

/** The parts of the certified range outside the training range, in words; empty when it lies within. */
export function outsideTraining({ certified: [min, max], training: [low, high] }: DomainRange): string[] {
  const out: string[] = [];
  if (min < low) out.push(`${num(min)} to ${num(Math.min(max, low))} is below the training minimum ${num(low)}`);
  if (max > high) out.push(`${num(Math.max(min, high))} to ${num(max)} is above the training maximum ${num(high)}`);
  return out;
}

export function certifiedRangeSvg(range: DomainRange, options: DomainChartOptions = {}): string {
  const width = options.width ?? 480;
  const prefix = options.idPrefix ?? 'domain';
  const [min, max] = range.certified;
  const [low, high] = range.training;
  const from = Math.min(min, low);
  const to = Math.max(max, high);
  const margin = 10;
  const inner = width - 2 * margin;
  // A single-valued domain still gets a visible scale around it.
  const span = to - from || Math.abs(to) || 1;
  const x = (v: number) => margin + ((v - from) / span) * inner;
  const w = (a: number, b: number) => Math.max(2, x(b) - x(a));
  const unit = range.unit ? ` ${range.unit}` : '';
  const outside = outsideTraining(range);
  const summary =
    `Certified ${num(min)} to ${num(max)}${unit}; training data ${num(low)} to ${num(high)}${unit}` +
    (range.column ? ` (${range.column})` : '') +
    (outside.length ? `. Outside the training data: ${outside.join('; ')}.` : '. Within the training data.');

  const out: string[] = [];
  out.push(`<svg class="domain-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 64" width="100%" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`);
  out.push(`<title id="${prefix}-title">Certified range of ${esc(range.feature)} against its training data</title>`);
  out.push(`<desc id="${prefix}-desc">${esc(summary)}</desc>`);
  out.push(`<rect class="training" x="${x(low).toFixed(1)}" y="8" width="${w(low, high).toFixed(1)}" height="28"><title>${esc(`Training data: ${num(low)} to ${num(high)}${unit}`)}</title></rect>`);
  out.push(`<rect class="certified" x="${x(min).toFixed(1)}" y="16" width="${w(min, max).toFixed(1)}" height="12"><title>${esc(`Certified: ${num(min)} to ${num(max)}${unit}`)}</title></rect>`);
  if (min < low) out.push(`<rect class="outside" x="${x(min).toFixed(1)}" y="16" width="${w(min, Math.min(max, low)).toFixed(1)}" height="12"/>`);
  if (max > high) out.push(`<rect class="outside" x="${x(Math.max(min, high)).toFixed(1)}" y="16" width="${w(Math.max(min, high), max).toFixed(1)}" height="12"/>`);
  out.push(`<text class="tick" x="${margin}" y="54">${esc(num(from) + unit)}</text>`);
  out.push(`<text class="tick" x="${width - margin}" y="54" text-anchor="end">${esc(num(to) + unit)}</text>`);
  out.push('</svg>');
  return out.join('');
}
