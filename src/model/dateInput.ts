/**
 * Parses what people type into the date filter box. Accepted:
 *   2024-05-01                  local midnight
 *   2024-05-01 10:30[:45]       local time (also with a T)
 *   2024-05-01T10:30:00Z        ISO 8601 with a zone (Z or ±hh:mm)
 *   7d, 12h, 30m, 2w            that long before now
 *   today, yesterday, now       local midnight today / yesterday, the current moment
 * Anything else is refused with a message that says what would be accepted. vscode-free.
 */

export type ParsedDate = { ok: true; date: Date } | { ok: false; message: string };

const EARLIEST = Date.UTC(2000, 0, 1);
const FUTURE_LIMIT_MS = 366 * 86_400_000;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const EXAMPLES = '2024-05-01, 2024-05-01 10:30, 2024-05-01T10:30:00Z, 7d, 12h, 30m, today or yesterday';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const RELATIVE = /^(\d{1,6})\s*([a-z]+)$/i;

function fail(message: string): ParsedDate {
  return { ok: false, message };
}

function validCalendarDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function validClock(h: number, min: number, s: number): boolean {
  return h <= 23 && min <= 59 && s <= 59;
}

function localMidnight(now: Date, daysBack: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysBack);
}

function inRange(date: Date, now: Date): ParsedDate {
  if (Number.isNaN(date.getTime())) return fail(`Not a date. Try ${EXAMPLES}.`);
  if (date.getTime() < EARLIEST) return fail('That is before 2000: no SageMaker image can be that old.');
  if (date.getTime() > now.getTime() + FUTURE_LIMIT_MS) return fail('That is more than a year in the future: no image version can match it.');
  return { ok: true, date };
}

export function parseDateInput(raw: string, now: Date = new Date()): ParsedDate {
  const text = raw.trim();
  if (text === '') return fail(`Enter a date or a span, e.g. ${EXAMPLES}.`);
  const lower = text.toLowerCase();
  if (lower === 'now') return { ok: true, date: new Date(now.getTime()) };
  if (lower === 'today') return { ok: true, date: localMidnight(now, 0) };
  if (lower === 'yesterday') return { ok: true, date: localMidnight(now, 1) };

  const rel = RELATIVE.exec(text);
  if (rel) {
    const unit = rel[2].toLowerCase();
    const ms = UNIT_MS[unit];
    if (ms === undefined) return fail(`“${rel[2]}” is not a unit: use m (minutes), h (hours), d (days) or w (weeks), e.g. 7d.`);
    return inRange(new Date(now.getTime() - Number(rel[1]) * ms), now);
  }

  const zoned = ZONED.exec(text);
  if (zoned) {
    const [y, m, d, h, min, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(zoned[i] ?? 0));
    if (!validCalendarDate(y, m, d)) return fail(`${zoned[1]}-${zoned[2]}-${zoned[3]} is not a day of the calendar.`);
    if (!validClock(h, min, s)) return fail(`${zoned[4]}:${zoned[5]} is not a time of day.`);
    const offset = zoned[8].toUpperCase();
    if (offset !== 'Z') {
      const oh = Number(offset.slice(1, 3));
      const om = Number(offset.slice(-2));
      if (oh > 14 || om > 59) return fail(`${offset} is not a time-zone offset.`);
    }
    return inRange(new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')), now);
  }

  const local = LOCAL.exec(text);
  if (local) {
    const [y, m, d, h, min, s, frac] = [1, 2, 3, 4, 5, 6, 7].map((i) => Number(local[i] ?? 0));
    if (!validCalendarDate(y, m, d)) return fail(`${local[1]}-${local[2]}-${local[3]} is not a day of the calendar.`);
    if (!validClock(h, min, s)) return fail(`${local[4]}:${local[5]} is not a time of day.`);
    const ms = local[7] ? Number(local[7].padEnd(3, '0')) : frac;
    return inRange(new Date(y, m - 1, d, h, min, s, ms), now);
  }

  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text)) return fail(`Write dates as year-month-day, e.g. 2024-05-01 (day/month order is ambiguous).`);
  if (/^-\d/.test(text)) return fail('Spans count back from now: write 7d, not -7d.');
  return fail(`Not a date. Try ${EXAMPLES}.`);
}
