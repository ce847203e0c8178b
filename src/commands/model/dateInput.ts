/**
 * Parses what people type into the date filter box, and writes a bound back as text that parses
 * to exactly the same instant (the box is pre-filled with it). Accepted:
 *   2024-05-01                  a whole local day: its first instant as a lower bound ("after"),
 *                               its last (23:59:59.999) as an upper bound ("before"), so that the
 *                               inclusive bounds the README promises cover the day typed
 *   2024-05-01 10:30[:45[.123]] local time (also with a T), that exact instant for either bound
 *   2024-05-01T10:30:00Z        ISO 8601 with a zone (Z or ±hh:mm), that exact instant
 *   7d, 12h, 30m, 2w            that long before now, that exact instant
 *   today, yesterday            that local day, like a date typed alone
 *   now                         the current moment
 * Anything else is refused with a message that says what would be accepted. The text is cut to a
 * bound before any pattern runs, and every pattern is anchored with bounded, non-overlapping
 * repetitions, so adversarial input costs linear time. vscode-free; messages go through l10n.
 */
import { l10n } from '../../model/l10n';
import type { DateBound } from '../../model/versionQuery';

export type ParsedDate = { ok: true; date: Date } | { ok: false; message: string };

/** Longer than any accepted form (the longest, with nanoseconds and an offset, is 35 characters). */
export const MAX_DATE_INPUT_LENGTH = 100;
const EARLIEST_YEAR = 2000;
const FUTURE_LIMIT_MS = 366 * 86_400_000;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** The forms a message suggests; `today` and `yesterday` are what the parser reads, so they stay as written. */
function examples(): string {
  return l10n.t('{0} or {1}', '2024-05-01, 2024-05-01 10:30, 2024-05-01T10:30:00Z, 7d, 12h, 30m, today', 'yesterday');
}

// Every repetition is bounded and each is followed by a literal it cannot match: linear.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const RELATIVE = /^(\d{1,6}) {0,3}([a-z]{1,12})$/i;
const COMPACT_OFFSET = /([+-]\d{2})(\d{2})$/;
const DAY_FIRST = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;
const NEGATIVE_SPAN = /^-\d/;

function fail(message: string): ParsedDate {
  return { ok: false, message };
}

/** The day as typed (year-month-day) is not on the calendar. */
function notADay(year: string, month: string, day: string): string {
  return l10n.t('{0} is not a day of the calendar.', `${year}-${month}-${day}`);
}

/** The time as typed (hours:minutes) is not on the clock. */
function notATime(hours: string, minutes: string): string {
  return l10n.t('{0} is not a time of day.', `${hours}:${minutes}`);
}

function validCalendarDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function validClock(h: number, min: number, s: number): boolean {
  return h <= 23 && min <= 59 && s <= 59;
}

/** The first instant of a local day, or its last one (23:59:59.999 local) for an upper bound. */
function localDay(y: number, monthIndex: number, day: number, bound: DateBound): Date {
  // Built from the wall time, not as next midnight minus 1 ms: where a clock change skips
  // midnight, the next midnight does not exist and would be moved an hour on.
  return bound === 'upper' ? new Date(y, monthIndex, day, 23, 59, 59, 999) : new Date(y, monthIndex, day);
}

function dayOf(now: Date, daysBack: number, bound: DateBound): Date {
  return localDay(now.getFullYear(), now.getMonth(), now.getDate() - daysBack, bound);
}

/**
 * The range check. A written date is too early when its year, as written, is before 2000 (so a
 * local 2000-01-01 is accepted in every zone, east of UTC too); a span or a word is too early
 * when it ends before local 2000-01-01. `start` is what the future limit applies to: for a day
 * alone, its first instant (a day that starts within the limit is accepted as either bound).
 */
function inRange(date: Date, now: Date, writtenYear?: number, start: Date = date): ParsedDate {
  if (Number.isNaN(date.getTime())) return fail(l10n.t('Not a date. Try {0}.', examples()));
  const tooEarly = writtenYear !== undefined ? writtenYear < EARLIEST_YEAR : date.getTime() < new Date(EARLIEST_YEAR, 0, 1).getTime();
  if (tooEarly) return fail(l10n.t('That is before 2000: no SageMaker image can be that old.'));
  if (start.getTime() > now.getTime() + FUTURE_LIMIT_MS)
    return fail(l10n.t('That is more than a year in the future: no image version can match it.'));
  return { ok: true, date };
}

export function parseDateInput(raw: string, now: Date = new Date(), bound: DateBound = 'lower'): ParsedDate {
  if (raw.length > MAX_DATE_INPUT_LENGTH) return fail(l10n.t('That is too long to be a date. Try {0}.', examples()));
  const text = raw.trim();
  if (text === '') return fail(l10n.t('Enter a date or a span, e.g. {0}.', examples()));
  const lower = text.toLowerCase();
  if (lower === 'now') return { ok: true, date: new Date(now.getTime()) };
  if (lower === 'today') return { ok: true, date: dayOf(now, 0, bound) };
  if (lower === 'yesterday') return { ok: true, date: dayOf(now, 1, bound) };

  const rel = RELATIVE.exec(text);
  if (rel) {
    const unit = rel[2].toLowerCase();
    const ms = UNIT_MS[unit];
    if (ms === undefined) return fail(l10n.t('“{0}” is not a unit: use m (minutes), h (hours), d (days) or w (weeks), e.g. 7d.', rel[2]));
    return inRange(new Date(now.getTime() - Number(rel[1]) * ms), now);
  }

  const zoned = ZONED.exec(text);
  if (zoned) {
    const [y, m, d, h, min, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(zoned[i] ?? 0));
    if (!validCalendarDate(y, m, d)) return fail(notADay(zoned[1], zoned[2], zoned[3]));
    if (!validClock(h, min, s)) return fail(notATime(zoned[4], zoned[5]));
    const offset = zoned[8].toUpperCase();
    if (offset !== 'Z') {
      const oh = Number(offset.slice(1, 3));
      const om = Number(offset.slice(-2));
      if (oh > 14 || om > 59) return fail(l10n.t('{0} is not a time-zone offset.', offset));
    }
    return inRange(new Date(text.replace(COMPACT_OFFSET, '$1:$2')), now, y);
  }

  const local = LOCAL.exec(text);
  if (local) {
    const [y, m, d, h, min, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(local[i] ?? 0));
    if (!validCalendarDate(y, m, d)) return fail(notADay(local[1], local[2], local[3]));
    if (!validClock(h, min, s)) return fail(notATime(local[4], local[5]));
    if (local[4] === undefined) return inRange(localDay(y, m - 1, d, bound), now, y, localDay(y, m - 1, d, 'lower'));
    const ms = local[7] ? Number(local[7].padEnd(3, '0')) : 0;
    return inRange(new Date(y, m - 1, d, h, min, s, ms), now, y);
  }

  if (DAY_FIRST.test(text)) return fail(l10n.t('Write dates as year-month-day, e.g. 2024-05-01 (day/month order is ambiguous).'));
  if (NEGATIVE_SPAN.test(text)) return fail(l10n.t('Spans count back from now: write 7d, not -7d.'));
  return fail(l10n.t('Not a date. Try {0}.', examples()));
}

/**
 * The text to pre-fill the box with for a bound, such that pressing Enter on it keeps exactly
 * that instant: a day alone when the bound is a whole day's start (lower) or end (upper), else
 * the local time with as many digits as it needs (seconds, milliseconds). A local time that
 * reads back as another instant (the repeated hour when clocks go back) is written in UTC ISO.
 */
export function dateInputText(date: Date, bound: DateBound = 'lower'): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const [y, mo, d, h, mi, s, ms] = [
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  ];
  const day = `${pad(y, 4)}-${pad(mo + 1)}-${pad(d)}`;
  if (localDay(y, mo, d, bound).getTime() === date.getTime()) return day;
  const seconds = s !== 0 || ms !== 0 ? `:${pad(s)}${ms !== 0 ? `.${pad(ms, 3)}` : ''}` : '';
  const text = `${day} ${pad(h)}:${pad(mi)}${seconds}`;
  return new Date(y, mo, d, h, mi, s, ms).getTime() === date.getTime() ? text : date.toISOString();
}
