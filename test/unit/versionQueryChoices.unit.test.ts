/**
 * The version query's choices and checks, member by member: the six sorts are the six distinct
 * (sortBy, sortOrder) pairs; each impossible range is named; stored filters that are not an
 * object are dropped; a date shows its time unless it is exactly local midnight.
 */
import * as assert from 'node:assert/strict';
import { loadFilters, rangeProblem, shortDate, SORT_CHOICES } from '../../src/model/versionQuery';

describe('version query choices and checks', () => {
  it('SORT_CHOICES are the six distinct sort/order pairs, each labelled for its pair', () => {
    const pairs = SORT_CHOICES.map((c) => `${c.sortBy} ${c.sortOrder}`);
    assert.deepEqual(pairs, [
      'CREATION_TIME DESCENDING',
      'CREATION_TIME ASCENDING',
      'LAST_MODIFIED_TIME DESCENDING',
      'LAST_MODIFIED_TIME ASCENDING',
      'VERSION DESCENDING',
      'VERSION ASCENDING',
    ]);
    for (const c of SORT_CHOICES) {
      assert.match(c.label(), c.sortBy === 'VERSION' ? /^Version/ : c.sortBy === 'CREATION_TIME' ? /^Creation time/ : /^Last modified/);
      assert.match(c.label(), c.sortOrder === 'DESCENDING' ? /newest|highest/ : /oldest|lowest/);
    }
  });

  it('names each impossible range, and accepts the edges', () => {
    const t = (iso: string) => new Date(iso);
    assert.match(
      rangeProblem({ modifiedAfter: t('2026-02-02T00:00:00Z'), modifiedBefore: t('2026-02-01T00:00:00Z') }) ?? '',
      /Modified after/,
    );
    assert.equal(
      rangeProblem({ modifiedAfter: t('2026-02-01T00:00:00Z'), modifiedBefore: t('2026-02-01T00:00:00Z') }),
      undefined,
      'equal bounds are a usable instant',
    );
    assert.equal(rangeProblem({ modifiedAfter: t('2026-02-01T00:00:00Z'), modifiedBefore: t('2026-02-02T00:00:00Z') }), undefined);
    assert.match(
      rangeProblem({ createdAfter: t('2026-02-02T00:00:00Z'), modifiedBefore: t('2026-02-01T00:00:00Z') }) ?? '',
      /Modified before/,
    );
    assert.equal(
      rangeProblem({ createdAfter: t('2026-02-01T00:00:00Z'), modifiedBefore: t('2026-02-01T00:00:00Z') }),
      undefined,
      'modified the instant it was created',
    );
  });

  it('loadFilters drops what is not an object', () => {
    for (const stored of [null, undefined, 'createdAfter', 42, true]) assert.deepEqual(loadFilters(stored), {}, String(stored));
    assert.deepEqual(loadFilters({ createdAfter: '2026-01-01T00:00:00.000Z' }), { createdAfter: new Date('2026-01-01T00:00:00.000Z') });
  });

  it('shortDate shows the day alone only at exact local midnight', () => {
    assert.equal(shortDate(new Date(2026, 0, 2, 0, 0, 0)), '2026-01-02');
    assert.equal(shortDate(new Date(2026, 0, 2, 5, 0, 0)), '2026-01-02 05:00');
    assert.equal(shortDate(new Date(2026, 0, 2, 0, 7, 0)), '2026-01-02 00:07');
    assert.equal(shortDate(new Date(2026, 0, 2, 0, 0, 9)), '2026-01-02 00:00');
  });
});
