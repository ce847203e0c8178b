/**
 * DetailsStore's cache keys and lifetimes, through a real SageMakerSession against emulators:
 * a key without the region would serve one region's details for another's ARN; without the
 * settings generation, another account's (endpoint or profile changed); without the version,
 * another version's. A failure is not kept. Counted on the emulators' request logs: an answer
 * from the cache is one that made no call.
 */
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../src/model/log';
import { DetailsStore } from '../../src/tree/model/detailsStore';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { SageMakerEmulator } from '../emulator/server';
import { useEmulator } from './helpers';

describe('DetailsStore', function () {
  const emu = useEmulator('empty');
  let other: SageMakerEmulator;
  let session: SageMakerSession;

  before(async function () {
    emu().seed({ images: [{ name: 'ds-image', versions: [{ aliases: ['one'] }, { aliases: ['two', 'latest'] }] }] });
    emu().seed({ region: 'eu-west-1', images: [{ name: 'ds-image', versions: [{ aliases: ['eu-one'] }] }] });
    // Another account: same image name, other content.
    other = new SageMakerEmulator({ port: 0 });
    await other.start();
    other.seed({ images: [{ name: 'ds-image', versions: [{ aliases: ['other-account'] }] }] });
  });
  after(async () => other.stop());

  beforeEach(function () {
    session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test');
    emu().faults.clear();
    emu().clearRequests();
    other.clearRequests();
  });
  afterEach(() => session.dispose());

  const us = (version: number) => ({ region: 'us-east-1', imageName: 'ds-image', version });

  /** How many DescribeImageVersion calls asking the store for `ref` made: 0 when it was cached. */
  async function callsFor(store: DetailsStore, ref: ReturnType<typeof us>): Promise<number> {
    const before = emu().calls('DescribeImageVersion').length;
    await store.version(ref);
    return emu().calls('DescribeImageVersion').length - before;
  }

  it('asks once per version: DescribeImageVersion and ListAliases in parallel, then from the cache', async function () {
    const store = new DetailsStore(session);
    const [a, b] = await Promise.all([store.version(us(2)), store.version(us(2))]);
    assert.equal(a, b);
    assert.deepEqual([...a.aliases].sort(), ['latest', 'two']);
    assert.equal(a.details.version, 2);
    assert.equal(await store.version(us(2)), a, 'the same answer, from the cache');
    const sent = emu()
      .calls()
      .map((c) => JSON.stringify([c.operation, c.params]))
      .sort();
    assert.deepEqual(sent, [
      JSON.stringify(['DescribeImageVersion', { ImageName: 'ds-image', Version: 2 }]),
      JSON.stringify(['ListAliases', { ImageName: 'ds-image', Version: 2, MaxResults: 100 }]),
    ]);
  });

  it('keys by version: version 1 is asked for, not served version 2’s details', async function () {
    const store = new DetailsStore(session);
    const two = await store.version(us(2));
    const one = await store.version(us(1));
    assert.equal(one.details.version, 1);
    assert.deepEqual([...one.aliases], ['one']);
    assert.notDeepEqual([...one.aliases], [...two.aliases]);
    assert.equal(emu().calls('DescribeImageVersion').length, 2, 'one call per version');
  });

  it('keys by region: the same image and version in eu-west-1 is asked of eu-west-1', async function () {
    const store = new DetailsStore(session);
    await store.version(us(1));
    const eu = await store.version({ region: 'eu-west-1', imageName: 'ds-image', version: 1 });
    assert.deepEqual([...eu.aliases], ['eu-one']);
    assert.match(eu.details.imageVersionArn, /:eu-west-1:/);
    assert.deepEqual(
      emu()
        .calls('DescribeImageVersion')
        .map((c) => c.region),
      ['us-east-1', 'eu-west-1'],
    );
    // Image-level entries too.
    await store.imageAliases({ region: 'us-east-1', imageName: 'ds-image' });
    const euAliases = await store.imageAliases({ region: 'eu-west-1', imageName: 'ds-image' });
    assert.deepEqual([...euAliases], ['eu-one']);
    const euImage = await store.image({ region: 'eu-west-1', imageName: 'ds-image' });
    assert.match(euImage.image.imageArn, /:eu-west-1:/);
  });

  it('keys by settings generation: after an endpoint change the other account is asked, and its answer shown', async function () {
    const store = new DetailsStore(session);
    const mine = await store.version(us(1));
    await store.imageAliases({ region: 'us-east-1', imageName: 'ds-image' });
    await store.image({ region: 'us-east-1', imageName: 'ds-image' });
    assert.ok(session.updateSettings({ region: 'us-east-1', endpoint: other.url }));
    const theirs = await store.version(us(1));
    assert.deepEqual([...theirs.aliases], ['other-account']);
    assert.notDeepEqual([...theirs.aliases], [...mine.aliases]);
    assert.deepEqual([...(await store.imageAliases({ region: 'us-east-1', imageName: 'ds-image' }))], ['other-account']);
    await store.image({ region: 'us-east-1', imageName: 'ds-image' });
    assert.deepEqual(
      other
        .calls()
        .map((c) => c.operation)
        .sort(),
      ['DescribeImage', 'DescribeImageVersion', 'DescribeImageVersion', 'ListAliases', 'ListAliases'].sort(),
    );
  });

  it('keys image aliases apart from a version’s aliases', async function () {
    const store = new DetailsStore(session);
    const v1 = await store.version(us(1));
    const all = await store.imageAliases({ region: 'us-east-1', imageName: 'ds-image' });
    assert.deepEqual([...v1.aliases], ['one']);
    assert.deepEqual([...all].sort(), ['latest', 'one', 'two']);
    const aliasCalls = emu()
      .calls('ListAliases')
      .map((c) => c.params);
    assert.deepEqual(aliasCalls, [
      { ImageName: 'ds-image', Version: 1, MaxResults: 100 },
      { ImageName: 'ds-image', MaxResults: 100 },
    ]);
  });

  it('does not keep a failure: the next look asks again and succeeds', async function () {
    const store = new DetailsStore(session);
    emu().addFault({ kind: 'error', operation: 'DescribeImageVersion', code: 'AccessDeniedException', status: 400, times: 1 });
    await assert.rejects(store.version(us(1)));
    const ok = await store.version(us(1));
    assert.equal(ok.details.version, 1);
    assert.equal(emu().calls('DescribeImageVersion').length, 2);
  });

  it('forget(ref) drops one version, forget() everything; a time-to-live expires entries', async function () {
    let now = 1_000;
    const store = new DetailsStore(session, { ttlMs: 60_000, now: () => now });
    await store.version(us(1));
    await store.version(us(2));
    store.forget(us(1));
    assert.equal(await callsFor(store, us(1)), 1, 'forgotten: asked again');
    assert.equal(await callsFor(store, us(2)), 0, 'the other version is kept');
    store.forget();
    assert.equal(await callsFor(store, us(2)), 1, 'forget() drops everything');
    now += 59_000;
    assert.equal(await callsFor(store, us(2)), 0, 'still fresh');
    now += 2_000;
    assert.equal(await callsFor(store, us(2)), 1, 'expired after 60 s');
    assert.equal(emu().calls('DescribeImageVersion').length, 5);
  });

  it('an image without versions has no latest one: an answer, not a failure', async function () {
    emu().seed({ images: [{ name: 'ds-empty', versions: [] }] });
    const store = new DetailsStore(session);
    const overview = await store.image({ region: 'us-east-1', imageName: 'ds-empty' });
    assert.equal(overview.latest, undefined);
    assert.equal(overview.image.imageName, 'ds-empty');
  });

  it('a failure of the latest version other than “no versions” fails the overview', async function () {
    emu().addFault({
      kind: 'error',
      operation: 'DescribeImageVersion',
      imageName: 'ds-image',
      code: 'AccessDeniedException',
      status: 400,
      times: 1,
    });
    const store = new DetailsStore(session);
    await assert.rejects(
      store.image({ region: 'us-east-1', imageName: 'ds-image' }),
      (e: unknown) => (e as { kind?: string }).kind === 'accessDenied',
    );
  });

  it('a signal aborted before the call is refused at once; one that never aborts gets the answer', async function () {
    const store = new DetailsStore(session);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(store.version(us(1), aborted.signal), (e: unknown) => (e as { cancelled?: boolean }).cancelled === true);
    const live = new AbortController();
    const ok = await store.version(us(2), live.signal);
    assert.equal(ok.details.version, 2);
    const aliases = await store.imageAliases({ region: 'us-east-1', imageName: 'ds-image' }, live.signal);
    assert.ok(aliases.includes('latest'));
  });

  it('a cancelled caller stops waiting; the shared answer is still kept for the next', async function () {
    emu().addFault({ kind: 'delay', operation: 'DescribeImageVersion', delayMs: 300, times: 1 });
    const store = new DetailsStore(session);
    const abort = new AbortController();
    const cancelled = store.version(us(1), abort.signal);
    abort.abort();
    await assert.rejects(cancelled, (e: unknown) => (e as { cancelled?: boolean }).cancelled === true);
    const later = await store.version(us(1));
    assert.equal(later.details.version, 1);
    assert.equal(emu().calls('DescribeImageVersion').length, 1, 'one shared request');
  });
});
