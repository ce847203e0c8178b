/**
 * List semantics: MaxResults default and range, SortBy/SortOrder defaults, inclusive time
 * filters, NameContains, and NextToken (opaque, bound to its query, advancing, absent on the last
 * page). All through the raw SDK commands against the emulator.
 */
import * as assert from 'node:assert/strict';
import {
  ListAliasesCommand,
  ListImagesCommand,
  ListImageVersionsCommand,
  type ListAliasesCommandOutput,
  type ListImagesCommandOutput,
  type ListImageVersionsCommandInput,
  type ListImageVersionsCommandOutput,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { connect, DAY, HOUR, rejection, useEmulator } from './helpers';
import type { SageMakerEmulator } from '../emulator/server';

const NOW = Date.parse('2026-01-01T00:00:00.000Z');
const BASE = Date.parse('2025-06-01T00:00:00.000Z');
const MANY = 253;

/** Version n (1-based) of "shuffled": creation and modification orders both differ from version order. */
const SHUFFLED_CREATED_H = [3, 1, 5, 2, 6, 4];
const SHUFFLED_MODIFIED_H = [10, 12, 7, 11, 8, 9];

/** "timed": three versions at fractional-millisecond instants. */
const T = ['2025-03-01T10:00:00.111Z', '2025-03-02T10:00:00.222Z', '2025-03-03T10:00:00.333Z'];
const M = ['2025-04-01T10:00:00.444Z', '2025-04-02T10:00:00.555Z', '2025-04-03T10:00:00.666Z'];

function seedData(
  emulatorSeed: (spec: Parameters<import('../emulator/server').SageMakerEmulator['seed']>[0], now?: number) => number,
): void {
  emulatorSeed(
    {
      images: [
        ...Array.from({ length: 25 }, (_, i) => ({
          name: `img-${String(i).padStart(2, '0')}`,
          // Creation order differs from name order; modification order differs from both.
          createdAt: BASE + ((i * 7) % 25) * DAY,
          modifiedAt: BASE + 100 * DAY + ((i * 11) % 25) * HOUR,
          versions: 0,
        })),
        { name: 'many', createdAt: BASE - 30 * DAY, modifiedAt: BASE - 29 * DAY, versions: MANY },
        {
          name: 'shuffled',
          createdAt: BASE - 40 * DAY,
          modifiedAt: BASE - 39 * DAY,
          versions: SHUFFLED_CREATED_H.map((h, i) => ({ createdAt: BASE + h * HOUR, modifiedAt: BASE + SHUFFLED_MODIFIED_H[i] * HOUR })),
        },
        {
          name: 'timed',
          createdAt: '2025-02-01T00:00:00.000Z',
          modifiedAt: BASE - 38 * DAY,
          versions: T.map((t, i) => ({ createdAt: t, modifiedAt: M[i], aliases: [`alias-${i + 1}`] })),
        },
        {
          name: 'aliased',
          createdAt: BASE - 50 * DAY,
          modifiedAt: BASE - 37 * DAY,
          versions: Array.from({ length: 30 }, (_, i) => ({ aliases: [`a${String(i + 1).padStart(2, '0')}`] })),
        },
      ],
    },
    NOW,
  );
}

/** One emulator seeded with seedData() and a connection to it, for a describe block. */
function useSeededConnection(): { emu: () => SageMakerEmulator; readonly client: SageMakerConnection['client'] } {
  const emu = useEmulator('empty', NOW);
  let connection: SageMakerConnection;
  before(async function () {
    seedData((spec, now) => emu().seed(spec, now));
    connection = await connect(emu());
  });
  after(() => connection.client.destroy());
  return {
    emu,
    get client() {
      return connection.client;
    },
  };
}

describe('emulator: list defaults, sorting, filters', function () {
  const conn = useSeededConnection();
  const emu = conn.emu;

  const versionsOf = async (input: ListImageVersionsCommandInput) =>
    (await conn.client.send(new ListImageVersionsCommand({ MaxResults: 100, ...input }))).ImageVersions ?? [];

  it('defaults MaxResults to 10 on ListImages, ListImageVersions and ListAliases (none sent)', async function () {
    emu().clearRequests();
    const images = await conn.client.send(new ListImagesCommand({}));
    const versions = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'many' }));
    const aliases = await conn.client.send(new ListAliasesCommand({ ImageName: 'aliased' }));
    assert.equal(images.Images?.length, 10);
    assert.equal(versions.ImageVersions?.length, 10);
    assert.equal(aliases.SageMakerImageVersionAliases?.length, 10);
    assert.ok(images.NextToken && versions.NextToken && aliases.NextToken);
    for (const call of emu().calls()) assert.equal('MaxResults' in call.params, false);
  });

  it('defaults to SortBy CREATION_TIME, SortOrder DESCENDING for versions and images', async function () {
    const implicit = await versionsOf({ ImageName: 'shuffled' });
    const explicit = await versionsOf({ ImageName: 'shuffled', SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' });
    assert.deepEqual(
      implicit.map((v) => v.Version),
      [5, 3, 6, 1, 4, 2],
    );
    assert.deepEqual(
      explicit.map((v) => v.Version),
      implicit.map((v) => v.Version),
    );

    const images = (await conn.client.send(new ListImagesCommand({ MaxResults: 100 }))).Images ?? [];
    const times = images.map((i) => i.CreationTime?.getTime() ?? NaN);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const onlyOrder = (await conn.client.send(new ListImagesCommand({ MaxResults: 100, SortOrder: 'ASCENDING' }))).Images ?? [];
    assert.deepEqual(
      onlyOrder.map((i) => i.ImageName),
      images.map((i) => i.ImageName).reverse(),
      'SortOrder alone keeps SortBy CREATION_TIME',
    );
  });

  it('sorts versions by VERSION ascending and descending, and by LAST_MODIFIED_TIME', async function () {
    const asc = await versionsOf({ ImageName: 'shuffled', SortBy: 'VERSION', SortOrder: 'ASCENDING' });
    const desc = await versionsOf({ ImageName: 'shuffled', SortBy: 'VERSION', SortOrder: 'DESCENDING' });
    const byVersionDefaultOrder = await versionsOf({ ImageName: 'shuffled', SortBy: 'VERSION' });
    assert.deepEqual(
      asc.map((v) => v.Version),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      desc.map((v) => v.Version),
      [6, 5, 4, 3, 2, 1],
    );
    assert.deepEqual(
      byVersionDefaultOrder.map((v) => v.Version),
      [6, 5, 4, 3, 2, 1],
    );
    const modified = await versionsOf({ ImageName: 'shuffled', SortBy: 'LAST_MODIFIED_TIME', SortOrder: 'ASCENDING' });
    assert.deepEqual(
      modified.map((v) => v.Version),
      [3, 5, 6, 1, 4, 2],
    );
  });

  it('sorts images by IMAGE_NAME and LAST_MODIFIED_TIME in both orders', async function () {
    const byName =
      (await conn.client.send(new ListImagesCommand({ MaxResults: 100, SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' }))).Images ?? [];
    const names = byName.map((i) => i.ImageName ?? '');
    assert.equal(names.length, 29);
    assert.deepEqual(names, [...names].sort());
    const byNameDesc =
      (await conn.client.send(new ListImagesCommand({ MaxResults: 100, SortBy: 'IMAGE_NAME', SortOrder: 'DESCENDING' }))).Images ?? [];
    assert.deepEqual(
      byNameDesc.map((i) => i.ImageName),
      [...names].reverse(),
    );
    const byModified =
      (await conn.client.send(new ListImagesCommand({ MaxResults: 100, SortBy: 'LAST_MODIFIED_TIME', SortOrder: 'ASCENDING' }))).Images ??
      [];
    const mtimes = byModified.map((i) => i.LastModifiedTime?.getTime() ?? NaN);
    assert.deepEqual(
      mtimes,
      [...mtimes].sort((a, b) => a - b),
    );
    assert.notDeepEqual(
      byModified.map((i) => i.ImageName),
      names,
    );
  });

  const FILTERS: {
    member: 'CreationTimeAfter' | 'CreationTimeBefore' | 'LastModifiedTimeAfter' | 'LastModifiedTimeBefore';
    at: string;
    expect: number[];
  }[] = [
    { member: 'CreationTimeAfter', at: T[1], expect: [2, 3] },
    { member: 'CreationTimeBefore', at: T[1], expect: [1, 2] },
    { member: 'LastModifiedTimeAfter', at: M[1], expect: [2, 3] },
    { member: 'LastModifiedTimeBefore', at: M[1], expect: [1, 2] },
  ];
  for (const f of FILTERS) {
    it(`treats ${f.member} as inclusive: the version at exactly ${f.at} is listed`, async function () {
      const got = await versionsOf({ ImageName: 'timed', SortBy: 'VERSION', SortOrder: 'ASCENDING', [f.member]: new Date(f.at) });
      assert.deepEqual(
        got.map((v) => v.Version),
        f.expect,
      );
      // One millisecond past the bound excludes it.
      const shifted = new Date(Date.parse(f.at) + (f.member.endsWith('After') ? 1 : -1));
      const narrower = await versionsOf({ ImageName: 'timed', SortBy: 'VERSION', SortOrder: 'ASCENDING', [f.member]: shifted });
      assert.deepEqual(
        narrower.map((v) => v.Version),
        f.expect.filter((n) => n !== 2),
      );
    });
  }

  it('combines time filters (After = Before = one instant gives exactly that item), on images too', async function () {
    const one = await versionsOf({ ImageName: 'timed', CreationTimeAfter: new Date(T[1]), CreationTimeBefore: new Date(T[1]) });
    assert.deepEqual(
      one.map((v) => v.Version),
      [2],
    );
    const created = new Date(BASE + 7 * DAY); // img-01: (1 * 7) % 25 = 7 days after BASE
    const images = await conn.client.send(new ListImagesCommand({ CreationTimeAfter: created, CreationTimeBefore: created }));
    assert.deepEqual(
      images.Images?.map((i) => i.ImageName),
      ['img-01'],
    );
    const modified = new Date(BASE + 100 * DAY + 11 * HOUR); // img-01 again
    const byModified = await conn.client.send(new ListImagesCommand({ LastModifiedTimeAfter: modified, LastModifiedTimeBefore: modified }));
    assert.deepEqual(
      byModified.Images?.map((i) => i.ImageName),
      ['img-01'],
    );
  });

  it('filters ListImages by NameContains (substring of the name)', async function () {
    const out = await conn.client.send(
      new ListImagesCommand({ NameContains: 'img-1', MaxResults: 100, SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' }),
    );
    assert.deepEqual(
      out.Images?.map((i) => i.ImageName),
      Array.from({ length: 10 }, (_, i) => `img-1${i}`),
    );
    const middle = await conn.client.send(new ListImagesCommand({ NameContains: 'uffl' }));
    assert.deepEqual(
      middle.Images?.map((i) => i.ImageName),
      ['shuffled'],
    );
    const none = await conn.client.send(new ListImagesCommand({ NameContains: 'zzz' }));
    assert.deepEqual(none.Images, []);
    assert.equal(none.NextToken, undefined);
  });
});

describe('emulator: NextToken', function () {
  const conn = useSeededConnection();
  const emu = conn.emu;

  it(`pages through ${MANY} versions with MaxResults 100 in exactly ceil(N/100) calls, without duplicates, the last page without NextToken`, async function () {
    emu().clearRequests();
    const seen: number[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    do {
      const out: ListImageVersionsCommandOutput = await conn.client.send(
        new ListImageVersionsCommand({ ImageName: 'many', MaxResults: 100, NextToken: token }),
      );
      seen.push(...(out.ImageVersions ?? []).map((v) => v.Version ?? -1));
      token = out.NextToken;
      if (token !== undefined) tokens.push(token);
    } while (token !== undefined && tokens.length < 10);
    assert.equal(emu().calls('ListImageVersions').length, Math.ceil(MANY / 100));
    assert.equal(seen.length, MANY);
    assert.equal(new Set(seen).size, MANY);
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      Array.from({ length: MANY }, (_, i) => i + 1),
    );
    assert.deepEqual(seen.slice(0, 3), [MANY, MANY - 1, MANY - 2], 'newest first across pages');
    assert.equal(new Set(tokens).size, tokens.length, 'every token differs: tokens advance');
  });

  it('issues opaque tokens (not bare offsets) and accepts a different MaxResults with the same query', async function () {
    const first = await conn.client.send(
      new ListImageVersionsCommand({ ImageName: 'many', MaxResults: 5, SortBy: 'VERSION', SortOrder: 'ASCENDING' }),
    );
    assert.ok(first.NextToken);
    assert.doesNotMatch(first.NextToken, /^\d+$/);
    assert.ok(!first.NextToken.includes('many'), 'the token does not spell out the query');
    const next = await conn.client.send(
      new ListImageVersionsCommand({
        ImageName: 'many',
        MaxResults: 7,
        SortBy: 'VERSION',
        SortOrder: 'ASCENDING',
        NextToken: first.NextToken,
      }),
    );
    assert.deepEqual(
      next.ImageVersions?.map((v) => v.Version),
      [6, 7, 8, 9, 10, 11, 12],
    );
  });

  it('pages ListImages and ListAliases to the end the same way', async function () {
    const names: string[] = [];
    let token: string | undefined;
    let calls = 0;
    do {
      const out: ListImagesCommandOutput = await conn.client.send(new ListImagesCommand({ MaxResults: 10, NextToken: token }));
      names.push(...(out.Images ?? []).map((i) => i.ImageName ?? ''));
      token = out.NextToken;
      calls++;
    } while (token && calls < 10);
    assert.equal(calls, 3);
    assert.equal(new Set(names).size, 29);

    const aliases: string[] = [];
    token = undefined;
    calls = 0;
    do {
      const out: ListAliasesCommandOutput = await conn.client.send(
        new ListAliasesCommand({ ImageName: 'aliased', MaxResults: 10, NextToken: token }),
      );
      aliases.push(...(out.SageMakerImageVersionAliases ?? []));
      token = out.NextToken;
      calls++;
    } while (token && calls < 10);
    assert.equal(calls, 3);
    assert.deepEqual(
      aliases,
      Array.from({ length: 30 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`),
    );
  });

  describe('is bound to the query that produced it', function () {
    let token: string;
    before(async function () {
      const out = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'many', MaxResults: 10 }));
      token = out.NextToken ?? '';
      assert.ok(token);
    });

    const REUSES: { title: string; input: () => ListImageVersionsCommandInput }[] = [
      { title: 'another image', input: () => ({ ImageName: 'shuffled', NextToken: token }) },
      { title: 'another SortBy', input: () => ({ ImageName: 'many', SortBy: 'VERSION', NextToken: token }) },
      { title: 'another SortOrder', input: () => ({ ImageName: 'many', SortOrder: 'ASCENDING', NextToken: token }) },
      { title: 'an added time filter', input: () => ({ ImageName: 'many', CreationTimeAfter: new Date(BASE), NextToken: token }) },
    ];
    for (const r of REUSES) {
      it(`rejects the token with ${r.title} (ValidationException)`, async function () {
        const e = await rejection(conn.client.send(new ListImageVersionsCommand(r.input())));
        assert.equal(e.name, 'ValidationException');
        assert.match(e.message, /pagination token/i);
      });
    }

    it('rejects a ListImageVersions token on ListImages or ListAliases, and a ListImages token under another NameContains', async function () {
      const onImages = await rejection(conn.client.send(new ListImagesCommand({ NextToken: token })));
      assert.equal(onImages.name, 'ValidationException');
      const onAliases = await rejection(conn.client.send(new ListAliasesCommand({ ImageName: 'many', NextToken: token })));
      assert.equal(onAliases.name, 'ValidationException');
      const imagesToken = (await conn.client.send(new ListImagesCommand({ NameContains: 'img', MaxResults: 5 }))).NextToken;
      assert.ok(imagesToken);
      const otherFilter = await rejection(conn.client.send(new ListImagesCommand({ NameContains: 'img-1', NextToken: imagesToken })));
      assert.equal(otherFilter.name, 'ValidationException');
    });

    it('rejects a tampered or forged token', async function () {
      const [payload, signature] = token.split('.');
      const flipped = payload.slice(0, -1) + (payload.endsWith('A') ? 'B' : 'A');
      const variants = [
        `${flipped}.${signature}`,
        `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
        payload,
        `${token}.extra`,
        'not-a-token',
        `${Buffer.from(JSON.stringify({ q: 'x', o: 20 })).toString('base64url')}.${signature}`,
      ];
      for (const bad of variants) {
        const e = await rejection(conn.client.send(new ListImageVersionsCommand({ ImageName: 'many', NextToken: bad })));
        assert.equal(e.name, 'ValidationException', `token ${bad}`);
      }
      // The genuine token still works.
      const ok = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'many', NextToken: token }));
      assert.equal(ok.ImageVersions?.[0]?.Version, MANY - 10);
    });
  });
});
