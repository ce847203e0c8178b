/**
 * src/aws operations against the emulator: one request per call, plain typed results with Dates,
 * error mapping with messages that name the image, client-side input checks that send nothing,
 * and the ConnectionCache.
 */
import * as assert from 'node:assert/strict';
import { ConnectionCache, type SageMakerConnection } from '../../src/aws/clientFactory';
import type { Logger } from '../../src/model/log';
import {
  describeImage,
  describeImageVersion,
  listAliasesPage,
  listAllAliases,
  listImagesPage,
  listImageVersionsPage,
} from '../../src/aws/operations';
import { RepeatedTokenGuard } from '../../src/requests/paging';
import type { ImageVersionSummary } from '../../src/model/types';
import { ACCESS_KEY_ID, connect, expectAwsError, SECRET_ACCESS_KEY, useEmulator, withAwsEnv } from './helpers';

const NOW = Date.parse('2026-02-01T00:00:00.000Z');

describe('src/aws operations against the emulator', function () {
  const emu = useEmulator('empty', NOW);
  let conn: SageMakerConnection;

  before(async function () {
    emu().seed(
      {
        images: [
          { name: 'big-image', displayName: 'Big', description: 'Many versions', createdAt: '2025-01-01T00:00:00.000Z', versions: 253 },
          {
            name: 'detail-image',
            createdAt: '2025-05-01T00:00:00.000Z',
            versions: [
              { createdAt: '2025-05-02T00:00:00.250Z', aliases: ['old'], status: 'CREATE_FAILED', failureReason: 'pull failed' },
              {
                createdAt: '2025-05-03T00:00:00.500Z',
                aliases: ['latest', 'prod'],
                jobType: 'TRAINING',
                processor: 'GPU',
                mlFramework: 'PyTorch 2.4',
                horovod: true,
              },
            ],
          },
        ],
      },
      NOW,
    );
    conn = await connect(emu());
  });
  after(() => conn.client.destroy());
  beforeEach(() => emu().clearRequests());

  it('listImagesPage returns plain summaries with Dates, the request id, and sends only the members set', async function () {
    const page = await listImagesPage(conn, { sortBy: 'IMAGE_NAME', sortOrder: 'ASCENDING' });
    assert.deepEqual(
      page.items.map((i) => i.imageName),
      ['big-image', 'detail-image'],
    );
    const big = page.items[0];
    assert.deepEqual(Object.keys(big).sort(), [
      'creationTime',
      'description',
      'displayName',
      'imageArn',
      'imageName',
      'imageStatus',
      'lastModifiedTime',
    ]);
    assert.ok(big.creationTime instanceof Date);
    assert.equal(big.creationTime.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(big.imageArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/big-image');
    assert.equal(page.nextToken, undefined);
    assert.match(String(page.requestId), /^[0-9a-f-]{36}$/);
    const [call] = emu().calls();
    assert.deepEqual(call.params, { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' });
  });

  it('listImageVersionsPage makes exactly one request per page; a RepeatedTokenGuard loop reads 253 versions in 3 calls', async function () {
    const guard = new RepeatedTokenGuard('the versions of “big-image”');
    const all: ImageVersionSummary[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listImageVersionsPage(conn, { imageName: 'big-image', maxResults: 100, nextToken: token });
      pages++;
      all.push(...page.items);
      token = guard.accept(page.nextToken);
    } while (token && pages < 10);
    assert.equal(pages, 3);
    assert.equal(emu().calls('ListImageVersions').length, 3);
    assert.equal(new Set(all.map((v) => v.version)).size, 253);
    assert.ok(all.every((v) => v.creationTime instanceof Date && v.imageVersionArn.endsWith(`/big-image/${v.version}`)));
  });

  it('describeImage and describeImageVersion (latest, by version, by alias) return plain details', async function () {
    const image = await describeImage(conn, { imageName: 'big-image' });
    assert.equal(image.roleArn, 'arn:aws:iam::123456789012:role/SageMakerStudioImageRole');
    assert.equal(image.displayName, 'Big');

    const latest = await describeImageVersion(conn, { imageName: 'detail-image' });
    assert.equal(latest.version, 2);
    assert.equal(latest.creationTime.toISOString(), '2025-05-03T00:00:00.500Z');
    assert.equal(latest.jobType, 'TRAINING');
    assert.equal(latest.processor, 'GPU');
    assert.equal(latest.mlFramework, 'PyTorch 2.4');
    assert.equal(latest.horovod, true);
    assert.equal(latest.containerImage, '123456789012.dkr.ecr.us-east-1.amazonaws.com/detail-image:v2');

    const first = await describeImageVersion(conn, { imageName: 'detail-image', version: 1 });
    assert.equal(first.imageVersionStatus, 'CREATE_FAILED');
    assert.equal(first.failureReason, 'pull failed');
    const byAlias = await describeImageVersion(conn, { imageName: 'detail-image', alias: 'old' });
    assert.equal(byAlias.version, 1);
  });

  it('listAliasesPage and listAllAliases return the alias strings, per version or for the image', async function () {
    const v2 = await listAliasesPage(conn, { imageName: 'detail-image', version: 2 });
    assert.deepEqual([...v2.items].sort(), ['latest', 'prod']);
    const all = await listAllAliases(conn, { imageName: 'detail-image' });
    assert.deepEqual([...all].sort(), ['latest', 'old', 'prod']);
    assert.deepEqual(await listAllAliases(conn, { imageName: 'big-image' }), []);
  });

  it('maps ResourceNotFound to kind notFound with a message naming the image (and the version), for every operation', async function () {
    const image = await expectAwsError(describeImage(conn, { imageName: 'ghost-image' }), 'notFound');
    assert.match(image.message, /image “ghost-image” was not found in us-east-1/i);
    assert.equal(image.retryable, false);
    assert.equal(image.details.code, 'ResourceNotFound');
    assert.equal(image.details.httpStatus, 400);
    assert.ok(image.details.requestId);

    const version = await expectAwsError(describeImageVersion(conn, { imageName: 'detail-image', version: 99 }), 'notFound');
    assert.match(version.message, /version 99 of image “detail-image” was not found/i);

    for (const p of [
      listImageVersionsPage(conn, { imageName: 'ghost-image' }),
      listAliasesPage(conn, { imageName: 'ghost-image' }),
      describeImageVersion(conn, { imageName: 'ghost-image' }),
    ]) {
      const e = await expectAwsError(p, 'notFound');
      assert.match(e.message, /“ghost-image”/);
    }
  });

  it('maps a server ValidationException (a token reused with another image) to kind validation, keeping the server text', async function () {
    const first = await listImageVersionsPage(conn, { imageName: 'big-image', maxResults: 5 });
    assert.ok(first.nextToken);
    emu().clearRequests();
    const e = await expectAwsError(listImageVersionsPage(conn, { imageName: 'detail-image', nextToken: first.nextToken }), 'validation');
    assert.equal(e.details.code, 'ValidationException');
    assert.match(e.message, /SageMaker rejected the request for image “detail-image”/);
    assert.match(e.message, /pagination token/i);
    assert.equal(emu().calls().length, 1, 'this one was checked by the server');
  });

  const CLIENT_SIDE: { title: string; call: () => Promise<unknown> }[] = [
    { title: 'an invalid image name', call: () => listImageVersionsPage(conn, { imageName: 'bad_name!' }) },
    { title: 'an empty image name', call: () => describeImage(conn, { imageName: '' }) },
    { title: 'a 64-character image name', call: () => describeImageVersion(conn, { imageName: 'a'.repeat(64) }) },
    { title: 'MaxResults 0', call: () => listImageVersionsPage(conn, { imageName: 'big-image', maxResults: 0 }) },
    { title: 'MaxResults 101', call: () => listImagesPage(conn, { maxResults: 101 }) },
    { title: 'MaxResults 2.5', call: () => listAliasesPage(conn, { imageName: 'big-image', maxResults: 2.5 }) },
    { title: 'an overlong NextToken (8193 characters)', call: () => listImagesPage(conn, { nextToken: 'x'.repeat(8193) }) },
    { title: 'a negative version', call: () => describeImageVersion(conn, { imageName: 'big-image', version: -1 }) },
    { title: 'an alias starting with a dot', call: () => describeImageVersion(conn, { imageName: 'big-image', alias: '.hidden' }) },
    { title: 'an unknown SortBy', call: () => listImageVersionsPage(conn, { imageName: 'big-image', sortBy: 'IMAGE_NAME' as never }) },
    { title: 'an unknown SortOrder', call: () => listImagesPage(conn, { sortOrder: 'UP' as never }) },
    { title: 'a NameContains with a space', call: () => listImagesPage(conn, { nameContains: 'a b' }) },
    { title: 'an invalid Date filter', call: () => listImagesPage(conn, { creationTimeAfter: new Date('nope') }) },
  ];
  for (const c of CLIENT_SIDE) {
    it(`refuses ${c.title} client-side (kind validation) and sends no request`, async function () {
      const e = await expectAwsError(c.call(), 'validation');
      assert.equal(e.details.code, 'ClientValidation');
      assert.deepEqual(emu().calls(), [], 'the emulator saw no request');
    });
  }

  it('treats an empty nextToken as no token, and accepts the bounds MaxResults 1 and 100 and a token of 8192 characters (sent to the server)', async function () {
    const one = await listImageVersionsPage(conn, { imageName: 'big-image', maxResults: 1, nextToken: '' });
    assert.equal(one.items.length, 1);
    assert.equal('NextToken' in emu().calls()[0].params, false);
    const hundred = await listImageVersionsPage(conn, { imageName: 'big-image', maxResults: 100 });
    assert.equal(hundred.items.length, 100);
    // 8192 characters pass the client check; the server then refuses it as a foreign token.
    await expectAwsError(listImagesPage(conn, { nextToken: 'x'.repeat(8192) }), 'validation');
    assert.equal(emu().calls().length, 3);
  });

  it('logs operations, parameters and request ids through the given logger, never the credentials that signed them', async function () {
    // The credentials must really be in play for "not in the log" to mean anything: a session
    // token, and the signed headers captured from the SDK's own request after signing.
    const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN0123456789';
    await withAwsEnv(
      { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: SESSION_TOKEN },
      async () => {
        const signed = await connect(emu());
        const sent: Record<string, string>[] = [];
        signed.client.middlewareStack.add(
          (next) => async (args) => {
            sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
            return next(args);
          },
          { step: 'deserialize', name: 'captureSignedHeaders' },
        );
        const lines: string[] = [];
        const logger: Logger = {
          trace: (m) => lines.push(m),
          debug: (m) => lines.push(m),
          info: (m) => lines.push(m),
          warn: (m) => lines.push(m),
          error: (m) => lines.push(m),
        };
        try {
          await listImagesPage(signed, { maxResults: 3 }, { logger });
          await expectAwsError(describeImage(signed, { imageName: 'ghost-image' }, { logger }), 'notFound');
        } finally {
          signed.client.destroy();
        }
        assert.equal(sent.length, 2, 'both requests were captured after signing');
        const authorization = sent[0].authorization ?? '';
        assert.ok(authorization.includes(`Credential=${ACCESS_KEY_ID}/`), `signed with the test key: ${authorization}`);
        const signature = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
        assert.ok(signature, 'a SigV4 signature');
        assert.equal(sent[0]['x-amz-security-token'], SESSION_TOKEN, 'the session token went over the wire');

        const text = lines.join('\n');
        assert.match(text, /ListImages \{"MaxResults":3\}/);
        assert.match(text, /DescribeImage .*notFound.*ResourceNotFound/);
        const secrets = [
          ACCESS_KEY_ID,
          SECRET_ACCESS_KEY,
          SESSION_TOKEN,
          signature,
          authorization,
          sent[1].authorization ?? '',
          'AWS4-HMAC-SHA256',
          'x-amz-security-token',
        ];
        for (const secret of secrets) assert.ok(!text.includes(secret), `log contains ${secret}`);
      },
    );
  });
});

describe('ConnectionCache', function () {
  const emu = useEmulator('empty');

  before(function () {
    emu().seed({ images: [{ name: 'east-image', versions: 1 }] });
    emu().seed({ region: 'eu-west-1', images: [{ name: 'west-image', versions: 1 }] });
  });

  it('returns the same client for the same settings (equal, not identical objects)', async function () {
    const cache = new ConnectionCache({ maxAttempts: 1 });
    try {
      const a = await cache.get({ region: 'us-east-1', endpoint: emu().url });
      const b = await cache.get({ region: 'us-east-1', endpoint: emu().url });
      assert.equal(a, b);
      assert.equal(a.client, b.client);
      assert.equal(a.region, 'us-east-1');
      assert.equal(cache.size, 1);
    } finally {
      cache.clear();
    }
  });

  it('keeps one client per region (regions side by side) and destroys them all on clear', async function () {
    const cache = new ConnectionCache({ maxAttempts: 1 });
    const east = await cache.get({ region: 'us-east-1', endpoint: emu().url });
    let destroyed = 0;
    const destroy = east.client.destroy.bind(east.client);
    east.client.destroy = () => {
      destroyed++;
      destroy();
    };
    assert.equal((await listImagesPage(east, {})).items[0].imageName, 'east-image');

    const west = await cache.get({ region: 'eu-west-1', endpoint: emu().url });
    assert.notEqual(west.client, east.client);
    assert.equal(cache.size, 2);
    assert.equal(west.region, 'eu-west-1');
    assert.equal((await listImagesPage(west, {})).items[0].imageName, 'west-image');
    assert.equal(await cache.get({ region: 'us-east-1', endpoint: emu().url }), east, 'the same settings reuse their client');

    // A settings change (the session calls clear): every client goes, and the next one is new.
    cache.clear();
    await new Promise((r) => setImmediate(r));
    assert.equal(cache.size, 0);
    assert.equal(destroyed, 1);
    const eastAgain = await cache.get({ region: 'us-east-1', endpoint: emu().url });
    assert.notEqual(eastAgain.client, east.client);
    cache.clear();
  });
});
