/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so results never depend on the time zone. */

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Days in a duration such as `180d`, `26w`, `6m` or `2y` (months as 30 days, years as 365). */
export function durationDays(duration: string): number {
  const amount = Number.parseInt(duration, 10);
  const unit = duration.at(-1);
  return amount * (unit === 'w' ? 7 : unit === 'm' ? 30 : unit === 'y' ? 365 : 1);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
