/**
 * The session's connection handling and the shared-config reads, member by member: a new request
 * timeout replaces the cached clients and the same one does not; a call's region overrides the
 * session's; a cancel reaches the request; the connection cache stays bounded and destroys what it
 * evicts; config files are read afresh on every resolution; a profile's
 * ignore_configured_endpoint_urls switches off the environment's endpoints; small input checks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConnectionCache } from '../../src/aws/clientFactory';
import { silentLogger } from '../../src/model/log';
import { RepeatedTokenGuard, collectAllPages } from '../../src/requests/paging';
import { SAGEMAKER_REGIONS } from '../../src/model/regions';
import { checkEndpoint, checkProfile } from '../../src/model/settings';
import { resolveEndpoint, resolveRegion } from '../../src/aws/sharedConfig';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { testTempDir, useEmulator, withAwsEnv } from './helpers';

describe('SageMakerSession connections', function () {
  const emu = useEmulator('empty');
  before(() => {
    emu().seed({ images: [{ name: 'sess-us', versions: 1 }] });
    emu().seed({ region: 'eu-west-1', images: [{ name: 'sess-eu', versions: 1 }] });
  });
  beforeEach(() => emu().clearRequests());

  it('setRequestTimeout: the same value changes nothing; a new one replaces the cached client', async function () {
    const session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test', {
      requestTimeoutMs: 5_000,
    });
    try {
      const first = await session.connection();
      assert.equal(session.setRequestTimeout(5_000), false);
      assert.equal(await session.connection(), first, 'kept');
      assert.equal(session.setRequestTimeout(7_000), true);
      const second = await session.connection();
      assert.notEqual(second, first, 'a new client for the new timeout');
      assert.equal(session.settings.endpoint, emu().url);
      assert.equal(await session.region(), 'us-east-1');
    } finally {
      session.dispose();
    }
  });

  it('a call’s region overrides the session’s, and a cancel aborts the request', async function () {
    const session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test');
    try {
      const eu = await session.call('listImages', {}, { region: 'eu-west-1' });
      assert.deepEqual(
        eu.items.map((i) => i.imageName),
        ['sess-eu'],
      );
      const us = await session.call('listImages', {});
      assert.deepEqual(
        us.items.map((i) => i.imageName),
        ['sess-us'],
      );
      emu().addFault({ kind: 'delay', operation: 'ListImages', delayMs: 2_000 });
      const abort = new AbortController();
      const pending = session.call('listImages', {}, { signal: abort.signal });
      while (emu().activity().inFlight === 0) await new Promise((r) => setTimeout(r, 5));
      abort.abort();
      await assert.rejects(pending, (e: unknown) => (e as { cancelled?: boolean }).cancelled === true);
    } finally {
      session.dispose();
      emu().faults.clear();
    }
  });

  it('the connection cache stays bounded: the oldest client is destroyed past 16', async function () {
    const cache = new ConnectionCache({ maxAttempts: 1 });
    try {
      const regions = SAGEMAKER_REGIONS.aws.map((r) => r.id).slice(0, 17);
      const first = await cache.get({ region: regions[0], endpoint: emu().url });
      let destroyed = 0;
      const destroy = first.client.destroy.bind(first.client);
      first.client.destroy = () => {
        destroyed++;
        destroy();
      };
      for (const region of regions.slice(1, 16)) await cache.get({ region, endpoint: emu().url });
      assert.equal(cache.size, 16);
      assert.equal(destroyed, 0, 'nothing evicted at the bound');
      await cache.get({ region: regions[16], endpoint: emu().url });
      await new Promise((r) => setImmediate(r));
      assert.equal(cache.size, 16);
      assert.equal(destroyed, 1, 'the oldest was destroyed');
      assert.notEqual(await cache.get({ region: regions[0], endpoint: emu().url }), first, 'and is created anew');
      assert.equal(first.endpoint, emu().url, 'the connection says which endpoint it uses');
    } finally {
      cache.clear();
    }
  });
});

describe('shared config reads', function () {
  it('reads the config files afresh on every resolution', async function () {
    const dir = path.join(testTempDir(), 'fresh-config');
    fs.mkdirSync(dir, { recursive: true });
    const config = path.join(dir, 'config');
    fs.writeFileSync(config, '[default]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:1111\n');
    await withAwsEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') }, async () => {
      assert.equal(await resolveRegion({}), 'eu-west-1');
      assert.equal(await resolveEndpoint({}), 'http://127.0.0.1:1111');
      fs.writeFileSync(config, '[default]\nregion = ap-south-1\nendpoint_url = http://127.0.0.1:2222\n');
      assert.equal(await resolveRegion({}), 'ap-south-1');
      assert.equal(await resolveEndpoint({}), 'http://127.0.0.1:2222');
    });
  });

  it('a profile’s ignore_configured_endpoint_urls (any case) switches off the environment’s endpoints too', async function () {
    const dir = path.join(testTempDir(), 'ignore-config');
    fs.mkdirSync(dir, { recursive: true });
    const config = path.join(dir, 'config');
    fs.writeFileSync(config, '[profile quiet]\nignore_configured_endpoint_urls = TRUE\n[profile loud]\nregion = us-east-1\n');
    await withAwsEnv(
      { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'), AWS_ENDPOINT_URL: 'http://127.0.0.1:3333' },
      async () => {
        assert.equal(await resolveEndpoint({ profile: 'quiet' }), undefined);
        assert.equal(await resolveEndpoint({ profile: 'loud' }), 'http://127.0.0.1:3333');
      },
    );
  });
});

describe('small input checks', function () {
  it('an endpoint with a user name or password is refused; a profile name is trimmed', function () {
    for (const url of ['https://user@example.com', 'https://user:secret@example.com', 'http://:pw@127.0.0.1:4566']) {
      const r = checkEndpoint(url);
      assert.equal(r.ok, false, url);
      if (!r.ok) assert.match(r.message, /user name or password/);
    }
    assert.deepEqual(checkProfile('  dev  '), { ok: true, value: 'dev' });
  });

  it('an empty token ends a listing; a repeat or too many pages is a non-retryable error', async function () {
    const guard = new RepeatedTokenGuard('things');
    assert.equal(guard.accept(''), undefined);
    assert.equal(guard.accept(''), undefined, 'an empty token is never a repeat');
    assert.equal(guard.accept('t'), 't');
    assert.throws(
      () => guard.accept('t'),
      (e: unknown) => (e as { retryable?: boolean }).retryable === false,
    );
    await assert.rejects(
      collectAllPages(() => Promise.resolve({ items: [1], nextToken: String(Math.random()) }), 'things', 3),
      (e: unknown) =>
        (e as { retryable?: boolean; details?: { code?: string } }).retryable === false &&
        (e as { details: { code: string } }).details.code === 'TooManyPages',
    );
  });
});
