/**
 * The one builder of ListImages and ListImageVersions requests (src/requests/listRequests.ts) and the
 * one name-filter pattern. The builders are checked member by member; the pattern against the
 * service model as the emulator enforces it (raw SDK, no client-side check in the way) and against
 * the request's own check in src/aws/inputs.ts, so the filter's input box, the client check and the
 * service agree on what a name filter may hold.
 */
import * as assert from 'node:assert/strict';
import { ListImagesCommand } from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { checkNameContains } from '../../src/aws/inputs';
import { imagesRequest, isNameFilter, MAX_PAGE_SIZE, versionsRequest } from '../../src/requests/listRequests';
import type { VersionQuery } from '../../src/model/versionQuery';
import { connect, useEmulator } from './helpers';

describe('listRequests', function () {
  it('imagesRequest: one page of images by name, A to Z, with the name filter, page size and token', function () {
    assert.deepEqual(imagesRequest('conda', 25, 'tok'), {
      maxResults: 25,
      nameContains: 'conda',
      sortBy: 'IMAGE_NAME',
      sortOrder: 'ASCENDING',
      nextToken: 'tok',
    });
    const first = imagesRequest(undefined, MAX_PAGE_SIZE);
    assert.equal(first.nameContains, undefined);
    assert.equal(first.nextToken, undefined);
    assert.equal(first.maxResults, 100);
  });

  it('versionsRequest: the image, page size and token, with the query’s sort and each of its four date filters in its own member', function () {
    const bounds = [1, 2, 3, 4].map((n) => new Date(Date.UTC(2026, 0, n, 0, 0, 0, n)));
    const query: VersionQuery = {
      sortBy: 'LAST_MODIFIED_TIME',
      sortOrder: 'ASCENDING',
      filters: { createdAfter: bounds[0], createdBefore: bounds[1], modifiedAfter: bounds[2], modifiedBefore: bounds[3] },
    };
    assert.deepEqual(versionsRequest('img', query, 7, 'next'), {
      imageName: 'img',
      maxResults: 7,
      sortBy: 'LAST_MODIFIED_TIME',
      sortOrder: 'ASCENDING',
      creationTimeAfter: bounds[0],
      creationTimeBefore: bounds[1],
      lastModifiedTimeAfter: bounds[2],
      lastModifiedTimeBefore: bounds[3],
      nextToken: 'next',
    });
    const unfiltered = versionsRequest('img', { sortBy: 'VERSION', sortOrder: 'DESCENDING', filters: {} }, 100);
    assert.deepEqual(unfiltered, { imageName: 'img', maxResults: 100, sortBy: 'VERSION', sortOrder: 'DESCENDING', nextToken: undefined });
  });

  describe('the name-filter pattern', function () {
    const emu = useEmulator('empty');
    let conn: SageMakerConnection;
    before(async function () {
      conn = await connect(emu());
    });
    after(() => conn.client.destroy());

    const CORPUS = [
      'conda',
      'a',
      'with-hyphen',
      'dots.and-1',
      '-leading-hyphen',
      '.',
      'x'.repeat(63),
      'x'.repeat(64),
      'a b',
      'under_score',
      'slash/',
      'ümlaut',
      'tab\t',
      'new\nline',
      '*',
    ];

    for (const text of CORPUS) {
      it(`agrees with the service model and the request check on ${JSON.stringify(text.length > 20 ? `${text.slice(0, 8)}…(${text.length})` : text)}`, async function () {
        const accepted = isNameFilter(text);
        const served = await conn.client.send(new ListImagesCommand({ NameContains: text })).then(
          () => true,
          (e: { name?: string }) => {
            assert.equal(e.name, 'ValidationException', `the emulator refused it for another reason: ${String(e)}`);
            return false;
          },
        );
        assert.equal(accepted, served, `isNameFilter says ${accepted}, the service model says ${served}`);
        let checked = true;
        try {
          checkNameContains(text);
        } catch {
          checked = false;
        }
        assert.equal(checked, accepted, 'src/aws/inputs.ts checkNameContains agrees');
      });
    }

    it('accepts the empty text (it clears the filter; the request then carries no NameContains)', function () {
      assert.equal(isNameFilter(''), true);
      assert.equal(checkNameContains(''), undefined);
    });
  });
});
