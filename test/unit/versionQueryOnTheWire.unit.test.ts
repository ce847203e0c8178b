/**
 * Sort, time filters and page size as they go over the wire, read from the emulator's request log
 * through the real SDK: from the tree's fetcher (RegionBranch, src/tree/regionBranch.ts, which is
 * vscode-free), from the export's page loop (exportPages fed as the Export command feeds it), and
 * from listImageVersionsPage itself. A mapping function that is right while its caller drops or
 * swaps a member would pass toListParameters' and versionsRequest's own tests; these would not.
 */
import * as assert from 'node:assert/strict';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { silentLogger } from '../../src/model/log';
import { listImagesPage, listImageVersionsPage } from '../../src/aws/operations';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { exportPages, ExportWriter } from '../../src/commands/model/versionExport';
import { MAX_PAGE_SIZE, versionsRequest } from '../../src/requests/listRequests';
import type { VersionQuery } from '../../src/model/versionQuery';
import { RegionBranch, type BranchQuery } from '../../src/tree/regionBranch';
import { connect, DAY, HOUR, useEmulator } from './helpers';

const NOW = Date.UTC(2026, 3, 15, 12, 0, 0);
// Distinct instants with fractional seconds, so a swapped or truncated member shows.
const CREATED_AFTER = new Date(NOW - 20 * DAY + 123);
const CREATED_BEFORE = new Date(NOW - 2 * DAY + 456);
const MODIFIED_AFTER = new Date(NOW - 30 * DAY + 789);
const MODIFIED_BEFORE = new Date(NOW - DAY + 12);
const seconds = (d: Date) => d.getTime() / 1000;

function filtered(sortBy: VersionQuery['sortBy'], sortOrder: VersionQuery['sortOrder']): VersionQuery {
  return {
    sortBy,
    sortOrder,
    filters: { createdAfter: CREATED_AFTER, createdBefore: CREATED_BEFORE, modifiedAfter: MODIFIED_AFTER, modifiedBefore: MODIFIED_BEFORE },
  };
}

const FULL_WIRE = {
  CreationTimeAfter: seconds(CREATED_AFTER),
  CreationTimeBefore: seconds(CREATED_BEFORE),
  LastModifiedTimeAfter: seconds(MODIFIED_AFTER),
  LastModifiedTimeBefore: seconds(MODIFIED_BEFORE),
};

describe('the version query on the wire (emulator request log, real SDK)', function () {
  const emu = useEmulator('empty', NOW);
  let session: SageMakerSession;

  before(function () {
    // 30 versions a day apart: every filter above keeps some and drops some.
    const versions = Array.from({ length: 30 }, (_, i) => ({ createdAt: NOW - (30 - i) * DAY, modifiedAt: NOW - (30 - i) * DAY + HOUR }));
    emu().seed(
      {
        images: [
          { name: 'wire-image', versions },
          { name: 'wire-other', versions: 2 },
        ],
      },
      NOW,
    );
    session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test');
  });
  after(() => session.dispose());
  beforeEach(() => emu().clearRequests());

  describe('the tree’s fetcher (RegionBranch)', function () {
    function branchWith(
      query: VersionQuery,
      pageSize: number,
      nameContains?: string,
    ): { branch: RegionBranch; set(q: VersionQuery, size: number): void } {
      let current = query;
      let size = pageSize;
      const q: BranchQuery = { pageSize: () => size, versionQuery: () => current, imageNameContains: () => nameContains };
      return {
        branch: new RegionBranch(session, q, undefined, undefined),
        set(next, nextSize) {
          current = next;
          size = nextSize;
        },
      };
    }

    for (const [sortBy, sortOrder] of [
      ['VERSION', 'ASCENDING'],
      ['LAST_MODIFIED_TIME', 'DESCENDING'],
      ['CREATION_TIME', 'ASCENDING'],
    ] as const) {
      it(`sends ${sortBy} ${sortOrder}, the four time filters and the page size on every page`, async function () {
        const { branch } = branchWith(filtered(sortBy, sortOrder), 3);
        const list = branch.versionList('wire-image');
        await list.loadNext();
        await list.loadNext();
        assert.equal(list.error, undefined);
        const sent = emu().calls('ListImageVersions');
        assert.equal(sent.length, 2);
        assert.deepEqual(sent[0].params, { ImageName: 'wire-image', MaxResults: 3, SortBy: sortBy, SortOrder: sortOrder, ...FULL_WIRE });
        assert.equal(typeof sent[1].params.NextToken, 'string');
        assert.deepEqual(
          { ...sent[1].params, NextToken: undefined },
          { ...sent[0].params, NextToken: undefined },
          'page 2 under page 1’s query',
        );
      });
    }

    it('sends no filter member when no filter is set, and the default sort', async function () {
      const { branch } = branchWith({ sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING', filters: {} }, 50);
      await branch.versionList('wire-image').loadNext();
      assert.deepEqual(emu().calls('ListImageVersions')[0].params, {
        ImageName: 'wire-image',
        MaxResults: 50,
        SortBy: 'CREATION_TIME',
        SortOrder: 'DESCENDING',
      });
    });

    it('keeps a listing’s query for its later pages; a reload sends the new one from page 1', async function () {
      const h = branchWith(filtered('VERSION', 'DESCENDING'), 4);
      const list = h.branch.versionList('wire-image');
      await list.loadNext();
      h.set({ sortBy: 'CREATION_TIME', sortOrder: 'ASCENDING', filters: {} }, 7);
      await list.loadNext();
      h.branch.reloadVersions();
      await list.loadNext();
      const [first, second, reloaded] = emu()
        .calls('ListImageVersions')
        .map((c) => c.params);
      assert.equal(second.SortBy, 'VERSION');
      assert.equal(second.MaxResults, 4);
      assert.equal(second.CreationTimeAfter, FULL_WIRE.CreationTimeAfter);
      assert.equal(typeof second.NextToken, 'string');
      assert.deepEqual(reloaded, { ImageName: 'wire-image', MaxResults: 7, SortBy: 'CREATION_TIME', SortOrder: 'ASCENDING' });
      assert.equal(first.SortOrder, 'DESCENDING');
    });

    it('resetVersions restarts one image under the current query; the other image keeps its listing', async function () {
      const h = branchWith(filtered('VERSION', 'ASCENDING'), 5);
      await h.branch.versionList('wire-image').loadNext();
      await h.branch.versionList('wire-other').loadNext();
      h.set({ sortBy: 'LAST_MODIFIED_TIME', sortOrder: 'ASCENDING', filters: { createdAfter: CREATED_AFTER } }, 9);
      h.branch.resetVersions('wire-image');
      emu().clearRequests();
      await h.branch.versionList('wire-image').loadNext();
      await h.branch.versionList('wire-other').loadNext(); // already at its end: no call
      assert.deepEqual(
        emu()
          .calls('ListImageVersions')
          .map((c) => c.params),
        [
          {
            ImageName: 'wire-image',
            MaxResults: 9,
            SortBy: 'LAST_MODIFIED_TIME',
            SortOrder: 'ASCENDING',
            CreationTimeAfter: FULL_WIRE.CreationTimeAfter,
          },
        ],
      );
    });

    it('lists images by name, ascending, with the page size and the name filter', async function () {
      const { branch } = branchWith(filtered('VERSION', 'ASCENDING'), 1, 'wire');
      await branch.images.loadNext();
      await branch.images.loadNext();
      const sent = emu()
        .calls('ListImages')
        .map((c) => c.params);
      assert.deepEqual(sent[0], { MaxResults: 1, NameContains: 'wire', SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' });
      assert.equal(typeof sent[1].NextToken, 'string');
      assert.deepEqual(
        branch.images.items.map((i) => i.imageName),
        ['wire-image', 'wire-other'],
      );
    });
  });

  describe('the export’s page loop', function () {
    it('sends the query’s sort and filters with 100 a page, on every page, and writes what came back', async function () {
      const query = filtered('VERSION', 'ASCENDING');
      const chunks: string[] = [];
      const writer = new ExportWriter('json', (s) => {
        chunks.push(s);
        return Promise.resolve();
      });
      // As src/commands/exportVersions.ts feeds exportPages.
      const result = await exportPages(
        (nextToken) => session.call('listImageVersions', versionsRequest('wire-image', query, MAX_PAGE_SIZE, nextToken)),
        writer,
        {
          isCancelled: () => false,
        },
      );
      const sent = emu().calls('ListImageVersions');
      assert.equal(sent.length, result.pages);
      for (const c of sent)
        assert.deepEqual(
          { ...c.params, NextToken: undefined },
          { ImageName: 'wire-image', MaxResults: 100, SortBy: 'VERSION', SortOrder: 'ASCENDING', ...FULL_WIRE, NextToken: undefined },
        );
      const versions = (JSON.parse(chunks.join('')) as { ImageVersions: { Version: number; CreationTime: string }[] }).ImageVersions;
      assert.equal(versions.length, result.count);
      assert.ok(versions.length > 0 && versions.length < 30, `the filters kept ${versions.length} of 30`);
      assert.deepEqual(
        versions.map((v) => v.Version),
        [...versions.map((v) => v.Version)].sort((a, b) => a - b),
        'ascending by version',
      );
      for (const v of versions) {
        const t = Date.parse(v.CreationTime);
        assert.ok(t > CREATED_AFTER.getTime() && t < CREATED_BEFORE.getTime(), v.CreationTime);
      }
    });
  });

  describe('listImageVersionsPage', function () {
    let conn: SageMakerConnection;
    before(async () => {
      conn = await connect(emu());
    });
    after(() => conn.client.destroy());

    it('sends every member it is given, as epoch seconds, and nothing it is not', async function () {
      await listImageVersionsPage(conn, {
        imageName: 'wire-image',
        maxResults: 17,
        sortBy: 'LAST_MODIFIED_TIME',
        sortOrder: 'ASCENDING',
        creationTimeAfter: CREATED_AFTER,
        creationTimeBefore: CREATED_BEFORE,
        lastModifiedTimeAfter: MODIFIED_AFTER,
        lastModifiedTimeBefore: MODIFIED_BEFORE,
      });
      await listImageVersionsPage(conn, { imageName: 'wire-image', creationTimeBefore: CREATED_BEFORE });
      const [full, one] = emu()
        .calls('ListImageVersions')
        .map((c) => c.params);
      assert.deepEqual(full, {
        ImageName: 'wire-image',
        MaxResults: 17,
        SortBy: 'LAST_MODIFIED_TIME',
        SortOrder: 'ASCENDING',
        ...FULL_WIRE,
      });
      assert.deepEqual(one, { ImageName: 'wire-image', CreationTimeBefore: FULL_WIRE.CreationTimeBefore });
    });

    it('the service applies what was sent: the page holds only versions inside the bounds, in the order asked', async function () {
      const page = await listImageVersionsPage(conn, {
        imageName: 'wire-image',
        maxResults: 100,
        sortBy: 'CREATION_TIME',
        sortOrder: 'ASCENDING',
        creationTimeAfter: CREATED_AFTER,
        creationTimeBefore: CREATED_BEFORE,
      });
      assert.ok(page.items.length > 0 && page.items.length < 30);
      const times = page.items.map((v) => v.creationTime.getTime());
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
      );
      assert.ok(times.every((t) => t > CREATED_AFTER.getTime() && t < CREATED_BEFORE.getTime()));
    });

    it('listImagesPage sends its sort, page size and name filter', async function () {
      await listImagesPage(conn, { maxResults: 2, sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING', nameContains: 'other' });
      assert.deepEqual(emu().calls('ListImages')[0].params, {
        MaxResults: 2,
        SortBy: 'CREATION_TIME',
        SortOrder: 'DESCENDING',
        NameContains: 'other',
      });
    });
  });
});
