/** Time texts for descriptions and tooltips: "3 days ago", local time and UTC ISO. vscode-free. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 days ago", "in 2 hours", "now": the largest whole unit, in the given locale. */
export function formatRelative(date: Date, now: Date = new Date(), locale = 'en'): string {
  let fmt = relativeFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, fmt);
  }
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.trunc(diff / ms), unit);
  }
  return fmt.format(0, 'second');
}

/** "2024-05-01 10:30:00" in the machine's zone, with its offset. */
export function formatLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`
  );
}

export function formatUtc(date: Date): string {
  return date.toISOString();
}
