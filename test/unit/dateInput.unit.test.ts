/**
 * Date filter input: every accepted form gives the documented instant; every refused input says
 * what is wrong. Local forms are compared with dates built in the machine's own zone, and
 * `npm run test:unit` runs this file under UTC, Pacific/Auckland and America/Los_Angeles.
 */
import * as assert from 'node:assert/strict';
import { dateInputText, MAX_DATE_INPUT_LENGTH, parseDateInput } from '../../src/commands/model/dateInput';
import type { DateBound } from '../../src/model/versionQuery';

const NOW = new Date(2025, 5, 15, 14, 30, 0); // 2025-06-15 14:30 local
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const accepted: [string, Date][] = [
  ['2024-05-01', new Date(2024, 4, 1)],
  [' 2024-05-01 ', new Date(2024, 4, 1)],
  ['2024-12-31', new Date(2024, 11, 31)],
  ['2024-02-29', new Date(2024, 1, 29)],
  ['2000-01-01', new Date(2000, 0, 1)],
  ['2024-05-01 10:30', new Date(2024, 4, 1, 10, 30)],
  ['2024-05-01T10:30', new Date(2024, 4, 1, 10, 30)],
  ['2024-05-01 10:30:45', new Date(2024, 4, 1, 10, 30, 45)],
  ['2024-05-01T23:59:59', new Date(2024, 4, 1, 23, 59, 59)],
  ['2024-05-01 00:00', new Date(2024, 4, 1)],
  ['2024-05-01T10:30:45.5', new Date(2024, 4, 1, 10, 30, 45, 500)],
  ['2024-05-01T10:30:00Z', new Date(Date.UTC(2024, 4, 1, 10, 30))],
  ['2024-05-01T10:30Z', new Date(Date.UTC(2024, 4, 1, 10, 30))],
  ['2024-05-01T10:30:00z', new Date(Date.UTC(2024, 4, 1, 10, 30))],
  ['2024-05-01T10:30:00+02:00', new Date(Date.UTC(2024, 4, 1, 8, 30))],
  ['2024-05-01T10:30:00-05:30', new Date(Date.UTC(2024, 4, 1, 16, 0))],
  ['2024-05-01T10:30:00+0200', new Date(Date.UTC(2024, 4, 1, 8, 30))],
  ['2024-05-01T10:30:00.123Z', new Date(Date.UTC(2024, 4, 1, 10, 30, 0, 123))],
  ['7d', new Date(NOW.getTime() - 7 * DAY)],
  ['1d', new Date(NOW.getTime() - DAY)],
  ['12h', new Date(NOW.getTime() - 12 * HOUR)],
  ['30m', new Date(NOW.getTime() - 30 * MIN)],
  ['2w', new Date(NOW.getTime() - 14 * DAY)],
  ['7D', new Date(NOW.getTime() - 7 * DAY)],
  ['7 d', new Date(NOW.getTime() - 7 * DAY)],
  ['0d', new Date(NOW.getTime())],
  ['365d', new Date(NOW.getTime() - 365 * DAY)],
  ['today', new Date(2025, 5, 15)],
  ['Today', new Date(2025, 5, 15)],
  ['yesterday', new Date(2025, 5, 14)],
  ['now', new Date(NOW.getTime())],
  ['2025-06-16', new Date(2025, 5, 16)],
  ['2026-06-01', new Date(2026, 5, 1)],
];

const refused: [string, RegExp][] = [
  ['', /Enter a date/],
  ['   ', /Enter a date/],
  ['31/02/2024', /year-month-day/],
  ['01/05/2024', /year-month-day/],
  ['1.5.2024', /year-month-day/],
  ['2024-02-30', /not a day of the calendar/],
  ['2023-02-29', /not a day of the calendar/],
  ['2024-13-01', /not a day of the calendar/],
  ['2024-00-10', /not a day of the calendar/],
  ['2024-04-31', /not a day of the calendar/],
  ['2024-05-01 24:00', /not a time of day/],
  ['2024-05-01 10:60', /not a time of day/],
  ['2024-05-01T10:30:61Z', /not a time of day/],
  ['2024-05-01T10:30:00+15:00', /not a time-zone offset/],
  ['7x', /not a unit/],
  ['7y', /not a unit/],
  ['7days', /not a unit/],
  ['-7d', /write 7d, not -7d/],
  ['d7', /Not a date/],
  ['tomorrow', /Not a date/],
  ['last week', /Not a date/],
  ['2024-5-1', /Not a date/],
  ['24-05-01', /Not a date/],
  ['2024/05/01', /Not a date/],
  ['May 1 2024', /Not a date/],
  ['1714521600', /Not a date/],
  ['2099-01-01', /more than a year in the future/],
  ['3000-01-01T00:00:00Z', /more than a year in the future/],
  ['1999-12-31', /before 2000/],
  ['1970-01-01T00:00:00Z', /before 2000/],
  ['100000d', /before 2000/],
  ['2024-05-01T10:30:00 Z', /Not a date/],
];

describe('parseDateInput', () => {
  for (const [text, expected] of accepted) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      const r = parseDateInput(text, NOW);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.date.toISOString(), expected.toISOString());
    });
  }
  for (const [text, message] of refused) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      const r = parseDateInput(text, NOW);
      assert.equal(r.ok, false, `accepted as ${r.ok ? r.date.toISOString() : ''}`);
      if (!r.ok) assert.match(r.message, message);
    });
  }
  it('reads a day alone as an upper bound as the whole local day, up to 23:59:59.999', () => {
    const upper: [string, Date][] = [
      ['2024-05-01', new Date(2024, 4, 1, 23, 59, 59, 999)],
      [' 2024-05-01 ', new Date(2024, 4, 1, 23, 59, 59, 999)],
      ['2000-01-01', new Date(2000, 0, 1, 23, 59, 59, 999)],
      ['2024-02-29', new Date(2024, 1, 29, 23, 59, 59, 999)],
      ['today', new Date(2025, 5, 15, 23, 59, 59, 999)],
      ['yesterday', new Date(2025, 5, 14, 23, 59, 59, 999)],
      // A time, a zone, a span or "now" keep their exact instant as either bound.
      ['2024-05-01 00:00', new Date(2024, 4, 1)],
      ['2024-05-01 10:30:45', new Date(2024, 4, 1, 10, 30, 45)],
      ['2024-05-01T10:30:00Z', new Date(Date.UTC(2024, 4, 1, 10, 30))],
      ['7d', new Date(NOW.getTime() - 7 * DAY)],
      ['12h', new Date(NOW.getTime() - 12 * HOUR)],
      ['now', new Date(NOW.getTime())],
    ];
    for (const [text, expected] of upper) {
      const r = parseDateInput(text, NOW, 'upper');
      assert.ok(r.ok, `${text}: ${r.ok ? '' : r.message}`);
      assert.equal(r.date.toISOString(), expected.toISOString(), text);
    }
    // The two ends of one day: a day typed as both bounds is a range of a day less 1 ms.
    const after = parseDateInput('2024-05-01', NOW, 'lower');
    const before = parseDateInput('2024-05-01', NOW, 'upper');
    assert.ok(after.ok && before.ok);
    assert.equal(before.date.getTime() - after.date.getTime(), new Date(2024, 4, 2).getTime() - new Date(2024, 4, 1).getTime() - 1);
    assert.equal(parseDateInput('1999-12-31', NOW, 'upper').ok, false, 'the last instant of 1999 is still before 2000');
  });

  it('accepts 2000-01-01 written in any zone, and refuses anything written in 1999', () => {
    // In zones east of UTC a local 2000-01-01 is still 1999 in UTC; it must be accepted anyway.
    for (const text of [
      '2000-01-01',
      '2000-01-01 00:00',
      '2000-01-01T00:00:00+14:00',
      '2000-01-01T00:00:00+05:00',
      '2000-01-01T00:00:00Z',
      '2000-01-01T00:00:00-12:00',
    ]) {
      const r = parseDateInput(text, NOW);
      assert.ok(r.ok, `${text}: ${r.ok ? '' : r.message}`);
    }
    for (const text of ['1999-12-31 23:59', '1999-12-31T23:59:59.999', '1999-12-31T23:59:59-12:00', '1999-12-31T23:59:59Z']) {
      const r = parseDateInput(text, NOW);
      assert.ok(!r.ok && /before 2000/.test(r.message), `${text} accepted`);
    }
    // A span back from now is too early once it ends before local 2000-01-01.
    const justAfter = new Date(new Date(2000, 0, 1).getTime() + 7 * DAY);
    assert.ok(parseDateInput('7d', justAfter).ok, '7d back from 2000-01-08 local reaches local 2000-01-01 exactly');
    assert.equal(parseDateInput('7d', new Date(justAfter.getTime() - 1)).ok, false);
  });

  it('refuses an instant more than 366 days ahead, and accepts one exactly 366 days ahead', () => {
    const limit = new Date(NOW.getTime() + 366 * DAY);
    const at = parseDateInput(limit.toISOString(), NOW);
    assert.ok(at.ok, at.ok ? '' : at.message);
    assert.equal(at.date.getTime(), limit.getTime());
    const past = parseDateInput(new Date(limit.getTime() + 1).toISOString(), NOW);
    assert.ok(!past.ok && /more than a year in the future/.test(past.message), 'one millisecond past 366 days is refused');
    // A day alone is in range when it starts within the limit, as either bound.
    const lastDay = new Date(NOW.getTime() + 366 * DAY);
    const dayText = dateInputText(new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate()));
    assert.ok(parseDateInput(dayText, NOW, 'lower').ok && parseDateInput(dayText, NOW, 'upper').ok, dayText);
    const dayAfter = dateInputText(new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1));
    assert.equal(parseDateInput(dayAfter, NOW, 'upper').ok, false, dayAfter);
  });

  it('pre-fills text that reads back as exactly the same instant, for either bound', () => {
    const cases: [Date, DateBound, string][] = [
      [new Date(2024, 4, 1), 'lower', '2024-05-01'],
      [new Date(2024, 4, 1, 23, 59, 59, 999), 'upper', '2024-05-01'],
      [new Date(2024, 4, 1), 'upper', '2024-05-01 00:00'],
      [new Date(2024, 4, 1, 23, 59, 59, 999), 'lower', '2024-05-01 23:59:59.999'],
      [new Date(2024, 4, 1, 10, 30), 'lower', '2024-05-01 10:30'],
      [new Date(2024, 4, 1, 10, 30, 45), 'upper', '2024-05-01 10:30:45'],
      [new Date(2024, 4, 1, 10, 30, 45, 120), 'lower', '2024-05-01 10:30:45.120'],
      [new Date(2024, 4, 1, 10, 30, 0, 7), 'upper', '2024-05-01 10:30:00.007'],
    ];
    for (const [date, bound, text] of cases) {
      assert.equal(dateInputText(date, bound), text);
      const r = parseDateInput(text, NOW, bound);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.date.toISOString(), date.toISOString(), `${text} as ${bound}`);
    }
    // Every half hour (and odd milliseconds) across the days clocks change in both hemispheres:
    // the repeated hour must read back as the instant it was, not its twin.
    for (const dayStart of [Date.UTC(2024, 2, 9, 12), Date.UTC(2024, 3, 6, 0), Date.UTC(2024, 8, 28, 0), Date.UTC(2024, 10, 2, 12)]) {
      for (let t = dayStart; t < dayStart + 2 * DAY; t += 30 * MIN + 1) {
        for (const bound of ['lower', 'upper'] as const) {
          const text = dateInputText(new Date(t), bound);
          const r = parseDateInput(text, NOW, bound);
          assert.ok(
            r.ok && r.date.getTime() === t,
            `${new Date(t).toISOString()} as ${bound} → ${text} → ${r.ok ? r.date.toISOString() : r.message}`,
          );
        }
      }
    }
  });

  it('refuses input longer than the bound, and 100 KB adversarial strings take well under a second', () => {
    const tooLong = parseDateInput(`2024-05-01${' '.repeat(MAX_DATE_INPUT_LENGTH)}`, NOW);
    assert.ok(!tooLong.ok && /too long/.test(tooLong.message));
    assert.ok(parseDateInput(` ${'2024-05-01'.padEnd(MAX_DATE_INPUT_LENGTH - 1)}`, NOW).ok, 'padding up to the bound is still trimmed');
    const n = 100_000;
    const adversarial = [
      '1'.repeat(n),
      `1${' '.repeat(n)}!`,
      `7${' '.repeat(n)}d`,
      `${'2024-05-01'}${':00'.repeat(n / 3)}`,
      `2024-05-01T10:30:00${'0'.repeat(n)}Z`,
      `${'9'.repeat(n)}d`,
      `-${'1'.repeat(n)}`,
      `${'12/'.repeat(n / 3)}`,
      ' '.repeat(n),
      `${'a'.repeat(n)}1`,
    ];
    for (const text of adversarial) {
      const started = performance.now();
      const r = parseDateInput(text, NOW);
      const ms = performance.now() - started;
      assert.equal(r.ok, false);
      assert.ok(ms < 1000, `${ms} ms for ${JSON.stringify(text.slice(0, 20))}…`);
    }
    // Under the bound every pattern still runs: near-matches of each form at full length.
    for (const text of ['1'.repeat(99), `1${' '.repeat(97)}!`, `2024-05-01T10:30:00.${'1'.repeat(79)}`, `${'1/'.repeat(49)}1`]) {
      const started = performance.now();
      parseDateInput(text, NOW);
      assert.ok(performance.now() - started < 1000);
    }
  });

  it('does not change "now" it was given', () => {
    const now = new Date(NOW.getTime());
    parseDateInput('7d', now);
    assert.equal(now.getTime(), NOW.getTime());
  });
});
