/**
 * Fault injection (from code and over HTTP) and the request log, seen through src/aws: each
 * fault must come out of the real SDK as the AwsError kind the UI relies on.
 */
import * as assert from 'node:assert/strict';
import { ListImagesCommand } from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { isAwsError, isCancelled } from '../../src/model/errors';
import { describeImage, listAliasesPage, listAllAliases, listImagesPage, listImageVersionsPage } from '../../src/aws/operations';
import { collectAllPages, RepeatedTokenGuard } from '../../src/requests/paging';
import type { LoggedRequest } from '../emulator/server';
import { ACCESS_KEY_ID, connect, control, expectAwsError, rawRequest, rejection, SECRET_ACCESS_KEY, useEmulator } from './helpers';

describe('emulator faults through src/aws', function () {
  const emu = useEmulator('empty');
  let conn: SageMakerConnection;

  before(async function () {
    emu().seed({
      images: [
        { name: 'pages', versions: 25 },
        { name: 'other', versions: 2 },
        // 150 aliases: ListAliases with MaxResults 100 needs two pages.
        { name: 'aliased', versions: Array.from({ length: 150 }, (_, i) => ({ aliases: [`alias-${i + 1}`] })) },
      ],
    });
    conn = await connect(emu(), { maxAttempts: 1 });
  });
  after(() => conn.client.destroy());
  beforeEach(function () {
    emu().faults.clear();
    emu().clearRequests();
  });

  describe('throttling and retries', function () {
    let retrying: SageMakerConnection;
    before(async function () {
      retrying = await connect(emu(), { maxAttempts: 3 });
    });
    after(() => retrying.client.destroy());

    it('throttle ×2 with maxAttempts 3: the SDK retries and succeeds; the log shows 3 calls', async function () {
      emu().addFault({ kind: 'throttle', operation: 'ListImages', times: 2 });
      const page = await listImagesPage(retrying, {});
      assert.equal(page.items.length, 3);
      const calls = emu().calls('ListImages');
      assert.equal(calls.length, 3);
      assert.deepEqual(
        calls.map((c) => [c.status, c.errorCode, c.fault]),
        [
          [400, 'ThrottlingException', 'throttle'],
          [400, 'ThrottlingException', 'throttle'],
          [200, undefined, undefined],
        ],
      );
    });

    it('throttle ×3 (set over HTTP) with maxAttempts 3: fails as kind throttled, retryable, after 3 calls', async function () {
      const set = await control(emu().url, 'POST', '/_emulator/faults', { kind: 'throttle', operation: 'ListImageVersions', times: 3 });
      assert.equal(set.status, 200);
      const e = await expectAwsError(listImageVersionsPage(retrying, { imageName: 'pages' }), 'throttled');
      assert.equal(e.retryable, true);
      assert.equal(e.details.code, 'ThrottlingException');
      assert.equal(e.details.httpStatus, 400);
      assert.equal(emu().calls('ListImageVersions').length, 3);
      assert.deepEqual(emu().faults.list(), [], 'all three uses consumed');
    });

    it('http500 once is retried by the SDK (2 calls, then success)', async function () {
      emu().addFault({ kind: 'http500', operation: 'DescribeImage' });
      const image = await describeImage(retrying, { imageName: 'pages' });
      assert.equal(image.imageName, 'pages');
      assert.deepEqual(
        emu()
          .calls('DescribeImage')
          .map((c) => c.status),
        [500, 200],
      );
    });
  });

  it('http500: kind unknown, retryable, HTTP 500 in the details', async function () {
    emu().addFault({ kind: 'http500' });
    const e = await expectAwsError(listImagesPage(conn, {}), 'unknown');
    assert.equal(e.retryable, true);
    assert.equal(e.details.httpStatus, 500);
    assert.equal(e.details.code, 'InternalFailure');
    assert.match(e.message, /internal error \(HTTP 500\)/);
  });

  it('http500 with status 503 (set over HTTP): ServiceUnavailable, kind unknown, retryable', async function () {
    await control(emu().url, 'POST', '/_emulator/faults', [{ kind: 'http500', status: 503 }]);
    const e = await expectAwsError(listImagesPage(conn, {}), 'unknown');
    assert.equal(e.retryable, true);
    assert.equal(e.details.httpStatus, 503);
    assert.equal(e.details.code, 'ServiceUnavailable');
    assert.equal(emu().calls()[0].status, 503);
  });

  it('reset (socket destroyed): kind network, retryable', async function () {
    emu().addFault({ kind: 'reset', operation: 'ListImageVersions' });
    const e = await expectAwsError(listImageVersionsPage(conn, { imageName: 'pages' }), 'network');
    assert.equal(e.retryable, true);
    assert.equal(emu().calls('ListImageVersions')[0].errorCode, 'ConnectionReset');
  });

  it('delay longer than requestTimeoutMs: kind timeout, retryable', async function () {
    const impatient = await connect(emu(), { maxAttempts: 1, requestTimeoutMs: 300 });
    try {
      emu().addFault({ kind: 'delay', delayMs: 1_500, operation: 'DescribeImage' });
      const e = await expectAwsError(describeImage(impatient, { imageName: 'pages' }), 'timeout');
      assert.equal(e.retryable, true);
      assert.equal(emu().calls('DescribeImage')[0].fault, 'delay');
    } finally {
      impatient.client.destroy();
    }
  });

  it('delay shorter than the timeout only delays: the answer is normal', async function () {
    emu().addFault({ kind: 'delay', delayMs: 50 });
    const image = await describeImage(conn, { imageName: 'other' });
    assert.equal(image.imageName, 'other');
  });

  it('an aborted request rejects as cancelled, not as an AwsError', async function () {
    emu().addFault({ kind: 'delay', delayMs: 1_000, operation: 'ListImages' });
    const controller = new AbortController();
    const pending = listImagesPage(conn, {}, { abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(pending);
    assert.ok(isCancelled(e), `${e.name}: ${e.message}`);
    assert.equal(isAwsError(e), false);
  });

  it('malformed (truncated JSON with HTTP 200): kind unknown, the message says the response could not be read', async function () {
    emu().addFault({ kind: 'malformed', operation: 'ListImageVersions' });
    const e = await expectAwsError(listImageVersionsPage(conn, { imageName: 'pages' }), 'unknown');
    assert.match(e.message, /could not be read/);
    assert.match(e.message, /proxy/);
  });

  it('html 502 from a proxy: kind unknown, the message says the response could not be read (HTTP 502) and mentions a proxy', async function () {
    emu().addFault({ kind: 'html' });
    const e = await expectAwsError(listImagesPage(conn, {}), 'unknown');
    assert.match(e.message, /could not be read/);
    assert.match(e.message, /HTTP 502/);
    assert.match(e.message, /proxy/);
    assert.equal(e.retryable, true);
  });

  it('error ExpiredTokenException: kind expiredCredentials', async function () {
    emu().addFault({ kind: 'error', code: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    const e = await expectAwsError(listImagesPage(conn, {}), 'expiredCredentials');
    assert.equal(e.retryable, false);
    assert.match(e.message, /expired/);
  });

  it('error AccessDeniedException (set over HTTP): kind accessDenied, naming the operation', async function () {
    await control(emu().url, 'POST', '/_emulator/faults', {
      kind: 'error',
      code: 'AccessDeniedException',
      message: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sagemaker:ListImageVersions',
      operation: 'ListImageVersions',
    });
    const e = await expectAwsError(listImageVersionsPage(conn, { imageName: 'pages' }), 'accessDenied');
    assert.equal(e.retryable, false);
    assert.match(e.message, /ListImageVersions/);
    assert.match(e.message, /“pages”/);
  });

  it('repeatToken: listAllAliases stops with an error instead of looping', async function () {
    emu().addFault({ kind: 'repeatToken', operation: 'ListAliases', times: 20 });
    const e = await expectAwsError(listAllAliases(conn, { imageName: 'aliased' }), 'unknown');
    assert.equal(e.details.code, 'RepeatedNextToken');
    assert.match(e.message, /same continuation token twice/);
    // First page (no token: the fault does not apply), second page repeats its token: stop.
    assert.equal(emu().calls('ListAliases').length, 2);
  });

  it('repeatToken: a RepeatedTokenGuard loop over ListImageVersions pages stops; collectAllPages too', async function () {
    emu().addFault({ kind: 'repeatToken', operation: 'ListImageVersions', times: 20 });
    const guard = new RepeatedTokenGuard('the versions of “pages”');
    let token: string | undefined;
    let pages = 0;
    const e = await rejection(
      (async () => {
        do {
          const page = await listImageVersionsPage(conn, { imageName: 'pages', maxResults: 5, nextToken: token });
          pages++;
          token = guard.accept(page.nextToken);
        } while (token && pages < 50);
      })(),
    );
    assert.ok(isAwsError(e));
    assert.equal(e.details.code, 'RepeatedNextToken');
    assert.equal(pages, 2);

    const again = await rejection(
      collectAllPages((t) => listImageVersionsPage(conn, { imageName: 'pages', maxResults: 5, nextToken: t }), 'the versions of “pages”'),
    );
    assert.ok(isAwsError(again));
    assert.equal(again.details.code, 'RepeatedNextToken');
  });

  it('without faults listAllAliases follows both pages and returns all 150 aliases', async function () {
    const all = await listAllAliases(conn, { imageName: 'aliased' });
    assert.equal(all.length, 150);
    assert.equal(new Set(all).size, 150);
    assert.equal(emu().calls('ListAliases').length, 2);
  });

  it('emptyPageWithToken: an empty page that still carries a token; following it yields the real page', async function () {
    emu().addFault({ kind: 'emptyPageWithToken', operation: 'ListImageVersions' });
    const empty = await listImageVersionsPage(conn, { imageName: 'pages', maxResults: 10 });
    assert.deepEqual(empty.items, []);
    assert.ok(empty.nextToken, 'an empty page is not the last page when it has a token');
    const real = await listImageVersionsPage(conn, { imageName: 'pages', maxResults: 10, nextToken: empty.nextToken });
    assert.deepEqual(
      real.items.map((v) => v.version),
      [25, 24, 23, 22, 21, 20, 19, 18, 17, 16],
    );
  });

  it('emptyPageWithToken in the middle of a guarded listing does not lose items or trip the repeat guard', async function () {
    const first = await listImageVersionsPage(conn, { imageName: 'pages', maxResults: 10 });
    emu().addFault({ kind: 'emptyPageWithToken', operation: 'ListImageVersions' });
    const guard = new RepeatedTokenGuard('the versions of “pages”');
    const seen = first.items.map((v) => v.version);
    let token = guard.accept(first.nextToken);
    let calls = 1;
    while (token && calls < 20) {
      const page = await listImageVersionsPage(conn, { imageName: 'pages', maxResults: 10, nextToken: token });
      calls++;
      seen.push(...page.items.map((v) => v.version));
      token = guard.accept(page.nextToken);
    }
    assert.equal(calls, 4, 'one extra call for the empty page');
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('faults match by operation and imageName, and are consumed by their times', async function () {
    emu().addFault({ kind: 'error', code: 'AccessDeniedException', imageName: 'pages', times: 2 });
    assert.equal((await listAliasesPage(conn, { imageName: 'other' })).items.length, 0, 'another image is unaffected');
    await expectAwsError(describeImage(conn, { imageName: 'pages' }), 'accessDenied');
    await expectAwsError(listAliasesPage(conn, { imageName: 'pages' }), 'accessDenied');
    assert.equal((await describeImage(conn, { imageName: 'pages' })).imageName, 'pages', 'used up after 2');

    const listed = await control(emu().url, 'POST', '/_emulator/faults', { kind: 'throttle', times: 4 });
    assert.equal((listed.json() as unknown as { kind: string; remaining: number }[])[0].remaining, 4);
    assert.equal((await control(emu().url, 'GET', '/_emulator/faults')).text.includes('"throttle"'), true);
    assert.equal((await control(emu().url, 'DELETE', '/_emulator/faults')).status, 200);
    assert.deepEqual(emu().faults.list(), []);
    const bad = await control(emu().url, 'POST', '/_emulator/faults', { kind: 'meteor' });
    assert.equal(bad.status, 400);
    assert.throws(() => emu().addFault({ kind: 'error' }), /needs a code/);
  });
});

describe('emulator request log', function () {
  const emu = useEmulator('empty');
  let conn: SageMakerConnection;
  before(async function () {
    emu().seed({ images: [{ name: 'logged', versions: 3 }] });
    conn = await connect(emu());
  });
  after(() => conn.client.destroy());

  it('is readable from code (calls) and over HTTP (GET /_emulator/requests), and can be cleared over HTTP', async function () {
    emu().clearRequests();
    await listImageVersionsPage(conn, { imageName: 'logged', maxResults: 2 });
    await describeImage(conn, { imageName: 'logged' });
    await expectAwsError(describeImage(conn, { imageName: 'missing' }), 'notFound');

    const fromCode = emu().calls();
    assert.deepEqual(
      fromCode.map((c) => [c.operation, c.status, c.errorCode, c.region]),
      [
        ['ListImageVersions', 200, undefined, 'us-east-1'],
        ['DescribeImage', 200, undefined, 'us-east-1'],
        ['DescribeImage', 400, 'ResourceNotFound', 'us-east-1'],
      ],
    );
    assert.deepEqual(fromCode[0].params, { ImageName: 'logged', MaxResults: 2 });

    const overHttp = await control(emu().url, 'GET', '/_emulator/requests');
    assert.equal(overHttp.status, 200);
    assert.deepEqual(overHttp.json(), JSON.parse(JSON.stringify(fromCode)));
    const filtered = JSON.parse((await control(emu().url, 'GET', '/_emulator/requests?operation=DescribeImage')).text) as LoggedRequest[];
    assert.equal(filtered.length, 2);

    assert.equal((await control(emu().url, 'DELETE', '/_emulator/requests')).status, 200);
    assert.deepEqual(emu().calls(), []);
  });

  it('never contains the Authorization header, the signature or the credentials', async function () {
    emu().clearRequests();
    await listImagesPage(conn, {});
    await conn.client.send(new ListImagesCommand({ MaxResults: 5 }));
    const text = (await rawRequest(emu().url, { path: '/_emulator/requests' })).text;
    assert.ok(text.includes('ListImages'));
    for (const secret of [
      'authorization',
      'AWS4-HMAC-SHA256',
      'Signature=',
      'Credential=',
      ACCESS_KEY_ID,
      SECRET_ACCESS_KEY,
      'x-amz-date',
    ]) {
      assert.equal(text.toLowerCase().includes(secret.toLowerCase()), false, `log contains ${secret}`);
    }
    for (const entry of emu().calls())
      assert.deepEqual(Object.keys(entry).sort(), ['operation', 'params', 'region', 'seq', 'status', 'time']);
  });
});
