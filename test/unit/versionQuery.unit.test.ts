/** The version query → ListImageVersions parameters, description and storage. */
import * as assert from 'node:assert/strict';
import {
  describeQuery,
  hasFilters,
  loadFilters,
  rangeProblem,
  readSort,
  SORT_CHOICES,
  storeFilters,
  toListParameters,
  type DateFilters,
  type VersionQuery,
} from '../../src/model/versionQuery';

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
    assert.equal(describeQuery({ sortBy: 'VERSION', sortOrder: 'DESCENDING', filters: { createdAfter: local } }), 'created ≥ 2024-05-01 · version ↓');
    assert.equal(describeQuery({ sortBy: 'CREATION_TIME', sortOrder: 'ASCENDING', filters: {} }), 'created ↑');
    assert.equal(describeQuery({ sortBy: 'LAST_MODIFIED_TIME', sortOrder: 'DESCENDING', filters: { modifiedBefore: new Date(2024, 4, 1, 10, 30) } }), 'modified ≤ 2024-05-01 10:30 · modified ↓');
  });

  it('round-trips filters through workspace storage and drops malformed ones', () => {
    const f = { createdAfter: A, modifiedBefore: B };
    assert.deepEqual(loadFilters(JSON.parse(JSON.stringify(storeFilters(f)))), f);
    assert.deepEqual(loadFilters({ createdAfter: 'garbage', createdBefore: 42 }), {});
    assert.deepEqual(loadFilters('nope'), {});
    assert.deepEqual(loadFilters({ createdAfter: B.toISOString(), createdBefore: A.toISOString() }), {}, 'a stored reversed range is not used');
    assert.equal(hasFilters({}), false);
    assert.equal(hasFilters({ modifiedAfter: A }), true);
  });

  it('reads sort settings, falling back to the defaults for wrong values', () => {
    assert.deepEqual(readSort('VERSION', 'ASCENDING'), { sortBy: 'VERSION', sortOrder: 'ASCENDING' });
    assert.deepEqual(readSort('NAME', 1), { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING' });
    assert.deepEqual(readSort(undefined, undefined), { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING' });
  });
});
