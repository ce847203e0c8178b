/**
 * The version query → ListImageVersions parameters, description and storage; and a day typed as
 * both bounds, through the real SDK to the emulator, covers that whole local day on the wire.
 */
import * as assert from 'node:assert/strict';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { listImageVersionsPage } from '../../src/aws/operations';
import { parseDateInput } from '../../src/commands/model/dateInput';
import {
  describeQuery,
  hasFilters,
  loadFilters,
  FIELD_BOUND,
  rangeProblem,
  readSort,
  shortDate,
  SORT_CHOICES,
  storeFilters,
  toListParameters,
  type DateFilters,
  type VersionQuery,
} from '../../src/model/versionQuery';
import { connect, useEmulator } from './helpers';

const A = new Date(Date.UTC(2024, 0, 1));
const B = new Date(Date.UTC(2024, 5, 1));

const filterCombos: [string, DateFilters, Record<string, Date>][] = [
  ['none', {}, {}],
  ['created after', { createdAfter: A }, { creationTimeAfter: A }],
  ['created before', { createdBefore: B }, { creationTimeBefore: B }],
  ['modified after', { modifiedAfter: A }, { lastModifiedTimeAfter: A }],
  ['modified before', { modifiedBefore: B }, { lastModifiedTimeBefore: B }],
  ['created range', { createdAfter: A, createdBefore: B }, { creationTimeAfter: A, creationTimeBefore: B }],
  ['modified range', { modifiedAfter: A, modifiedBefore: B }, { lastModifiedTimeAfter: A, lastModifiedTimeBefore: B }],
  [
    'all four',
    { createdAfter: A, createdBefore: B, modifiedAfter: A, modifiedBefore: B },
    { creationTimeAfter: A, creationTimeBefore: B, lastModifiedTimeAfter: A, lastModifiedTimeBefore: B },
  ],
];

describe('version query', () => {
  for (const choice of SORT_CHOICES) {
    for (const [name, filters, expected] of filterCombos) {
      it(`${choice.sortBy} ${choice.sortOrder} with ${name} filters → parameters`, () => {
        const q: VersionQuery = { sortBy: choice.sortBy, sortOrder: choice.sortOrder, filters };
        assert.deepEqual(toListParameters(q), { sortBy: choice.sortBy, sortOrder: choice.sortOrder, ...expected });
      });
    }
  }

  it('offers exactly the six sorts', () => {
    assert.equal(SORT_CHOICES.length, 6);
    assert.equal(new Set(SORT_CHOICES.map((c) => `${c.sortBy}/${c.sortOrder}`)).size, 6);
  });

  it('refuses reversed ranges with a reason', () => {
    assert.match(rangeProblem({ createdAfter: B, createdBefore: A }) ?? '', /later than/);
    assert.match(rangeProblem({ modifiedAfter: B, modifiedBefore: A }) ?? '', /later than/);
    assert.match(rangeProblem({ createdAfter: B, modifiedBefore: A }) ?? '', /modified after it is created/);
    assert.equal(rangeProblem({ createdAfter: A, createdBefore: A }), undefined, 'equal bounds are a valid (inclusive) range');
  });

  it('describes filters and sort for the view', () => {
    const local = new Date(2024, 4, 1);
    assert.equal(
      describeQuery({ sortBy: 'VERSION', sortOrder: 'DESCENDING', filters: { createdAfter: local } }),
      'created ≥ 2024-05-01 · version ↓',
    );
    assert.equal(describeQuery({ sortBy: 'CREATION_TIME', sortOrder: 'ASCENDING', filters: {} }), 'created ↑');
    assert.equal(
      describeQuery({ sortBy: 'LAST_MODIFIED_TIME', sortOrder: 'DESCENDING', filters: { modifiedBefore: new Date(2024, 4, 1, 10, 30) } }),
      'modified ≤ 2024-05-01 10:30 · modified ↓',
    );
  });

  it('shows a day-long upper bound (23:59:59.999 local) as the day alone, and anything else to the minute', () => {
    const endOfDay = new Date(2026, 4, 1, 23, 59, 59, 999);
    assert.deepEqual(FIELD_BOUND, { createdAfter: 'lower', createdBefore: 'upper', modifiedAfter: 'lower', modifiedBefore: 'upper' });
    assert.equal(
      describeQuery({
        sortBy: 'CREATION_TIME',
        sortOrder: 'DESCENDING',
        filters: { createdAfter: new Date(2026, 4, 1), createdBefore: endOfDay },
      }),
      'created ≥ 2026-05-01 · created ≤ 2026-05-01 · created ↓',
    );
    assert.equal(
      describeQuery({ sortBy: 'VERSION', sortOrder: 'ASCENDING', filters: { modifiedBefore: endOfDay } }),
      'modified ≤ 2026-05-01 · version ↑',
    );
    assert.equal(shortDate(endOfDay, 'lower'), '2026-05-01 23:59', 'as a lower bound it is one instant, not a day');
    assert.equal(shortDate(new Date(2026, 4, 1), 'upper'), '2026-05-01 00:00', 'midnight as an upper bound is one instant');
    assert.equal(shortDate(new Date(2026, 4, 1, 23, 59, 59, 998), 'upper'), '2026-05-01 23:59');
    assert.equal(shortDate(new Date(2026, 4, 1, 0, 0, 0, 1), 'lower'), '2026-05-01 00:00');
  });

  it('round-trips filters through workspace storage and drops malformed ones', () => {
    const f = { createdAfter: A, modifiedBefore: B };
    assert.deepEqual(loadFilters(JSON.parse(JSON.stringify(storeFilters(f)))), f);
    assert.deepEqual(loadFilters({ createdAfter: 'garbage', createdBefore: 42 }), {});
    assert.deepEqual(loadFilters('nope'), {});
    assert.deepEqual(
      loadFilters({ createdAfter: B.toISOString(), createdBefore: A.toISOString() }),
      {},
      'a stored reversed range is not used',
    );
    assert.equal(hasFilters({}), false);
    assert.equal(hasFilters({ modifiedAfter: A }), true);
  });

  it('reads sort settings, falling back to the defaults for wrong values', () => {
    assert.deepEqual(readSort('VERSION', 'ASCENDING'), { sortBy: 'VERSION', sortOrder: 'ASCENDING' });
    assert.deepEqual(readSort('NAME', 1), { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING' });
    assert.deepEqual(readSort(undefined, undefined), { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING' });
  });
});

describe('a day typed as both bounds, on the wire', function () {
  // Local wall times: the suite runs under UTC, Pacific/Auckland and America/Los_Angeles.
  const day = { y: 2026, m: 4, d: 1 };
  const at = (d: number, h: number, min = 0, sec = 0, ms = 0) => new Date(day.y, day.m, d, h, min, sec, ms).getTime();
  const emu = useEmulator('empty', Date.UTC(2026, 5, 1));
  let conn: SageMakerConnection;

  before(async function () {
    emu().seed({
      images: [
        {
          name: 'one-day',
          createdAt: at(day.d - 2, 0),
          versions: [
            { createdAt: at(day.d - 1, 23, 59, 59, 999) }, // 1: the day before, last millisecond
            { createdAt: at(day.d, 0) }, // 2: the day's first instant
            { createdAt: at(day.d, 15) }, // 3: 15:00 local that day
            { createdAt: at(day.d, 23, 59, 59, 999) }, // 4: the day's last millisecond
            { createdAt: at(day.d + 1, 0) }, // 5: the next day
          ],
        },
      ],
    });
    conn = await connect(emu());
  });
  after(() => conn.client.destroy());

  it('"created after 2026-05-01" and "created before 2026-05-01" send the whole local day and list its versions', async function () {
    const now = new Date(2026, 4, 10);
    const after = parseDateInput('2026-05-01', now, FIELD_BOUND.createdAfter);
    const before = parseDateInput('2026-05-01', now, FIELD_BOUND.createdBefore);
    assert.ok(after.ok && before.ok);
    const q: VersionQuery = {
      sortBy: 'VERSION',
      sortOrder: 'ASCENDING',
      filters: { createdAfter: after.date, createdBefore: before.date },
    };
    assert.equal(rangeProblem(q.filters), undefined);
    emu().clearRequests();
    const page = await listImageVersionsPage(conn, { imageName: 'one-day', maxResults: 100, ...toListParameters(q) });
    const [call, ...more] = emu().calls('ListImageVersions');
    assert.equal(more.length, 0);
    // awsJson sends epoch seconds: local midnight, and 23:59:59.999 local the same day.
    assert.equal(call.params.CreationTimeAfter, at(day.d, 0) / 1000);
    assert.equal(call.params.CreationTimeBefore, at(day.d, 23, 59, 59, 999) / 1000);
    assert.ok((call.params.CreationTimeAfter as number) < (call.params.CreationTimeBefore as number), 'not a zero-width range');
    assert.deepEqual(
      page.items.map((v) => v.version),
      [2, 3, 4],
      'the version created at 15:00 local that day (and both ends of the day) is listed',
    );
    assert.equal(describeQuery(q), 'created ≥ 2026-05-01 · created ≤ 2026-05-01 · version ↑');
  });
});
