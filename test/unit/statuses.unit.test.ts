/**
 * The status rules of src/model/statuses.ts: which statuses are transient (live status polls
 * exactly those) and which icon each kind of status gets in a tree row and in hover text.
 */
import * as assert from 'node:assert/strict';
import { isTransient, statusIcon, statusKind, TRANSIENT_STATUSES } from '../../src/tree/model/statuses';

describe('statuses', () => {
  it('knows the transient statuses', () => {
    assert.deepEqual([...TRANSIENT_STATUSES].sort(), ['CREATING', 'DELETING', 'UPDATING']);
    assert.equal(isTransient('CREATING'), true);
    assert.equal(isTransient('CREATED'), false);
    assert.equal(isTransient('UPDATE_FAILED'), false);
  });

  it('sorts every status the model knows, and any other, into a kind', () => {
    const kinds = Object.fromEntries(
      ['CREATING', 'CREATED', 'CREATE_FAILED', 'UPDATING', 'UPDATE_FAILED', 'DELETING', 'DELETE_FAILED', 'UNKNOWN', 'PENDING'].map((s) => [
        s,
        statusKind(s),
      ]),
    );
    assert.deepEqual(kinds, {
      CREATING: 'transient',
      CREATED: 'ready',
      CREATE_FAILED: 'failed',
      UPDATING: 'transient',
      UPDATE_FAILED: 'failed',
      DELETING: 'transient',
      DELETE_FAILED: 'failed',
      UNKNOWN: 'unknown',
      PENDING: 'unknown',
    });
  });

  it('gives a row a spinning icon in transition and the error colour when failed; hover text a still arrow', () => {
    assert.deepEqual(statusIcon('CREATED'), { id: 'pass', color: 'testing.iconPassed', inText: 'pass' });
    assert.deepEqual(statusIcon('DELETE_FAILED'), { id: 'error', color: 'list.errorForeground', inText: 'error' });
    assert.deepEqual(statusIcon('UPDATING'), { id: 'loading~spin', inText: 'sync' });
    assert.deepEqual(statusIcon('SOMETHING_NEW'), { id: 'question', inText: 'question' });
  });
});
