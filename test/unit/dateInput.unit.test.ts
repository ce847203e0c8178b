/**
 * Date filter input: every accepted form gives the documented instant; every refused input says
 * what is wrong. Local forms are compared with dates built in the machine's own zone.
 */
import * as assert from 'node:assert/strict';
import { parseDateInput } from '../../src/model/dateInput';

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
  it('does not change "now" it was given', () => {
    const now = new Date(NOW.getTime());
    parseDateInput('7d', now);
    assert.equal(now.getTime(), NOW.getTime());
  });
});
