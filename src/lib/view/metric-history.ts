/**
 * Each metric of a model across its versions, against its objective, as an SVG made at
 * build time: one point per version (oldest first, the current one last), the objective
 * as a dashed line with the side that misses it shaded, and every point that missed its
 * objective marked, so drift shows without JavaScript and the numbers are in the text.
 */
import type { Metric, Model } from '../../../schemas/model.ts';
import { escapeHtml as esc } from './html.ts';

type Objective = NonNullable<Metric['objective']>;

export interface MetricPoint {
  version: string;
  value: number;
  /** The objective that version was held to, if it had one. */
  objective?: Objective;
}

export interface MetricSeries {
  /** The metric's name, with its slice and split when it has them: `recall (region=EU, test)`. */
  label: string;
  points: MetricPoint[];
  /** The current version's objective: the line the chart draws. */
  objective?: Objective;
}

const keyOf = (m: Metric) => `${m.name}\0${m.slice ?? ''}\0${m.split ?? ''}`;
const labelOf = (m: Metric) => {
  const qualifiers = [m.slice, m.split].filter(Boolean);
  return qualifiers.length ? `${m.name} (${qualifiers.join(', ')})` : m.name;
};

/**
 * One series per metric of the current version (by name, slice and split), with the value
 * of every earlier version that measured it. A metric only earlier versions measured is
 * history the card no longer claims, so it is left out.
 */
export function metricSeries(model: Pick<Model, 'version' | 'metrics' | 'versions'>): MetricSeries[] {
  const versions = [...(model.versions ?? []).map((v) => ({ version: v.version, metrics: v.metrics ?? [] })), { version: model.version ?? 'current', metrics: model.metrics ?? [] }];
  return (model.metrics ?? []).map((current) => {
    const key = keyOf(current);
    const points = versions.flatMap(({ version, metrics }) => {
      const m = metrics.find((x) => keyOf(x) === key);
      if (!m) return [];
      const point: MetricPoint = { version, value: m.value };
      if (m.objective) point.objective = m.objective;
      return [point];
    });
    const series: MetricSeries = { label: labelOf(current), points };
    if (current.objective) series.objective = current.objective;
    return series;
  });
}

/** Whether a value misses an objective. */
export const misses = (value: number, objective: Objective | undefined): boolean =>
  objective !== undefined && ((objective.min !== undefined && value < objective.min) || (objective.max !== undefined && value > objective.max));

const num = (n: number) => String(Number(n.toPrecision(4)));

export interface HistoryChartOptions {
  width?: number;
  height?: number;
  idPrefix?: string;
}

export function metricHistorySvg(series: MetricSeries, options: HistoryChartOptions = {}): string {
  const width = options.width ?? 480;
  const height = options.height ?? 160;
  const prefix = options.idPrefix ?? 'metric';
  const { points, objective } = series;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const bounds = [...points.map((p) => p.value), objective?.min, objective?.max].filter((v): v is number => v !== undefined);
  let lo = Math.min(...bounds);
  let hi = Math.max(...bounds);
  // Room around the data, and a scale even when every value is the same.
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  lo -= pad;
  hi += pad;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * plotH;
  const f = (n: number) => n.toFixed(1);
  const missedOwn = (p: MetricPoint) => misses(p.value, p.objective ?? objective);

  const goal = objective ? [objective.min !== undefined ? `at least ${num(objective.min)}` : '', objective.max !== undefined ? `at most ${num(objective.max)}` : ''].filter(Boolean).join(' and ') : '';
  const summary =
    points.map((p) => `${p.version}: ${num(p.value)}${missedOwn(p) ? ' (missed its objective)' : ''}`).join('; ') +
    (goal ? `. Objective: ${goal}.` : '. No objective.');

  const out: string[] = [];
  out.push(`<svg class="metric-history" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`);
  out.push(`<title id="${prefix}-title">${esc(series.label)} across versions</title>`);
  out.push(`<desc id="${prefix}-desc">${esc(summary)}</desc>`);
  // The side of each bound that misses the objective, shaded.
  if (objective?.min !== undefined) out.push(`<rect class="miss-zone" x="${left}" y="${f(y(objective.min))}" width="${plotW}" height="${f(top + plotH - y(objective.min))}"/>`);
  if (objective?.max !== undefined) out.push(`<rect class="miss-zone" x="${left}" y="${top}" width="${plotW}" height="${f(y(objective.max) - top)}"/>`);
  for (const bound of [objective?.min, objective?.max]) {
    if (bound === undefined) continue;
    out.push(`<line class="objective" x1="${left}" x2="${left + plotW}" y1="${f(y(bound))}" y2="${f(y(bound))}" stroke-dasharray="4 3"/>`);
    out.push(`<text class="tick" x="${left - 4}" y="${f(y(bound) + 4)}" text-anchor="end">${esc(num(bound))}</text>`);
  }
  if (points.length > 1) out.push(`<polyline class="trend" fill="none" points="${points.map((p, i) => `${f(x(i))},${f(y(p.value))}`).join(' ')}"/>`);
  points.forEach((p, i) => {
    out.push(`<circle class="point${missedOwn(p) ? ' missed' : ''}" cx="${f(x(i))}" cy="${f(y(p.value))}" r="4"><title>${esc(`${p.version}: ${num(p.value)}`)}</title></circle>`);
    out.push(`<text class="version" x="${f(x(i))}" y="${height - 8}" text-anchor="middle">${esc(p.version)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
