/**
 * The `demo` fixture, read back through the API as the extension would see it: enough images to
 * page, one image with 250+ versions, images with 0, 1 and ~12 versions, every version status,
 * FailureReason on failed versions, aliases, dates over about two years.
 */
import * as assert from 'node:assert/strict';
import {
  ListAliasesCommand,
  ListImagesCommand,
  ListImageVersionsCommand,
  type Image,
  type ImageVersion,
  type ListImagesCommandOutput,
  type ListImageVersionsCommandOutput,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { IMAGE_VERSION_STATUSES } from '../../src/model/types';
import { connect, control, DAY, useEmulator } from './helpers';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');

describe('emulator: the demo fixture', function () {
  const emu = useEmulator('demo', NOW);
  let conn: SageMakerConnection;
  let images: Image[];
  const versions = new Map<string, ImageVersion[]>();
  let firstPage: ListImagesCommandOutput;

  before(async function () {
    conn = await connect(emu());
    firstPage = await conn.client.send(new ListImagesCommand({}));
    images = [];
    let token: string | undefined;
    do {
      const out: ListImagesCommandOutput = await conn.client.send(new ListImagesCommand({ MaxResults: 100, NextToken: token }));
      images.push(...(out.Images ?? []));
      token = out.NextToken;
    } while (token);
    for (const image of images) {
      const all: ImageVersion[] = [];
      let vt: string | undefined;
      do {
        const out: ListImageVersionsCommandOutput = await conn.client.send(
          new ListImageVersionsCommand({ ImageName: image.ImageName, MaxResults: 100, NextToken: vt }),
        );
        all.push(...(out.ImageVersions ?? []));
        vt = out.NextToken;
      } while (vt);
      versions.set(image.ImageName ?? '', all);
    }
  });
  after(() => conn.client.destroy());

  it('has at least 60 images, so ListImages pages at its default size', function () {
    assert.ok(images.length >= 60, `${images.length} images`);
    assert.equal(new Set(images.map((i) => i.ImageName)).size, images.length, 'image names are unique');
    assert.equal(firstPage.Images?.length, 10);
    assert.ok(firstPage.NextToken);
  });

  it('has an image with at least 250 versions, numbered 1…N without gaps', function () {
    const [name, big] = [...versions.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    assert.ok(big.length >= 250, `${name} has ${big.length}`);
    assert.deepEqual(
      big.map((v) => v.Version ?? 0).sort((a, b) => a - b),
      Array.from({ length: big.length }, (_, i) => i + 1),
    );
  });

  it('has images with 0, 1 and about 12 versions', function () {
    const counts = [...versions.values()].map((v) => v.length);
    assert.ok(counts.includes(0), 'an image without versions');
    assert.ok(counts.includes(1), 'an image with one version');
    assert.ok(
      counts.some((n) => n >= 10 && n <= 15),
      `an image with about 12 versions (counts: ${[...new Set(counts)].sort((a, b) => a - b).join(',')})`,
    );
  });

  it('has every ImageVersionStatus, and a FailureReason on every *_FAILED version (only on those)', function () {
    const all = [...versions.values()].flat();
    const statuses = new Set(all.map((v) => v.ImageVersionStatus));
    for (const s of IMAGE_VERSION_STATUSES) assert.ok(statuses.has(s), `status ${s} present`);
    const failed = all.filter((v) => v.ImageVersionStatus?.endsWith('_FAILED'));
    assert.ok(failed.length > 0);
    for (const v of failed) assert.ok(v.FailureReason && v.FailureReason.length > 0, `${v.ImageVersionArn} has a FailureReason`);
    for (const v of all.filter((x) => !x.ImageVersionStatus?.endsWith('_FAILED'))) assert.equal(v.FailureReason, undefined);
  });

  it('has more than one image status, with a FailureReason on failed images', function () {
    const statuses = new Set(images.map((i) => i.ImageStatus));
    assert.ok(statuses.size >= 3, [...statuses].join(','));
    for (const i of images.filter((x) => x.ImageStatus?.endsWith('_FAILED')))
      assert.ok(i.FailureReason, `${i.ImageName} has a FailureReason`);
  });

  it('has aliases, listed by ListAliases', async function () {
    let withAliases = 0;
    for (const image of images.slice(0, 20)) {
      const out = await conn.client.send(new ListAliasesCommand({ ImageName: image.ImageName, MaxResults: 100 }));
      if ((out.SageMakerImageVersionAliases ?? []).length > 0) withAliases++;
    }
    assert.ok(withAliases >= 3, `${withAliases} of 20 images have aliases`);
    const big = [...versions.entries()].find(([, v]) => v.length >= 250)?.[0];
    const out = await conn.client.send(new ListAliasesCommand({ ImageName: big, MaxResults: 100 }));
    assert.ok((out.SageMakerImageVersionAliases ?? []).length >= 2);
  });

  it('spreads creation dates over about two years, none in the future', function () {
    const times = [...images.map((i) => i.CreationTime), ...[...versions.values()].flat().map((v) => v.CreationTime)].map(
      (d) => d?.getTime() ?? NaN,
    );
    assert.ok(times.every((t) => Number.isFinite(t) && t <= NOW));
    const span = (Math.max(...times) - Math.min(...times)) / DAY;
    assert.ok(span >= 600 && span <= 800, `span ${span.toFixed(0)} days`);
    // Not all bunched at the ends: several distinct months are represented.
    const months = new Set(times.map((t) => new Date(t).toISOString().slice(0, 7)));
    assert.ok(months.size >= 12, `${months.size} distinct months`);
  });

  it('is deterministic for a given now, and can be reloaded and emptied over HTTP', async function () {
    const health = (await control(emu().url, 'GET', '/_emulator/health')).json();
    assert.equal(health.images, images.length);
    assert.equal(
      health.versions,
      [...versions.values()].reduce((n, v) => n + v.length, 0),
    );

    const emptied = await control(emu().url, 'POST', '/_emulator/reset?fixture=empty');
    assert.equal(emptied.status, 200);
    assert.deepEqual(emptied.json(), { images: 0, versions: 0 });
    const none = await conn.client.send(new ListImagesCommand({}));
    assert.deepEqual(none.Images, []);

    const reloaded = await control(emu().url, 'POST', '/_emulator/reset?fixture=demo');
    assert.deepEqual(reloaded.json(), { images: health.images, versions: health.versions });
    const again = await conn.client.send(new ListImagesCommand({}));
    assert.deepEqual(
      again.Images?.map((i) => [i.ImageName, i.CreationTime?.getTime()]),
      firstPage.Images?.map((i) => [i.ImageName, i.CreationTime?.getTime()]),
    );
    const bad = await control(emu().url, 'POST', '/_emulator/reset?fixture=nope');
    assert.equal(bad.status, 400);
  });
});
