/** Connection settings validation, region resolution and ARN parsing/building (pure functions). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageArn, imageVersionArn, parseArn, parseImageArn, parseImageVersionArn, partitionOf } from '../../src/commands/model/arns';
import { FALLBACK_REGION, resolveRegion } from '../../src/aws/sharedConfig';
import { checkConnectionSettings, checkEndpoint, checkProfile, checkRegion, settingsKey } from '../../src/model/settings';
import { imageArn as emulatorImageArn, imageVersionArn as emulatorImageVersionArn } from '../emulator/store';
import { testTempDir, withAwsEnv } from './helpers';

describe('settings: checkEndpoint', function () {
  const ACCEPTED: [string, string | undefined][] = [
    ['', undefined],
    ['   ', undefined],
    ['http://127.0.0.1:4566', 'http://127.0.0.1:4566'],
    ['http://127.0.0.1:4566/', 'http://127.0.0.1:4566'],
    ['  https://api.sagemaker.us-east-1.amazonaws.com  ', 'https://api.sagemaker.us-east-1.amazonaws.com'],
    ['http://localhost:8080/sagemaker', 'http://localhost:8080/sagemaker'],
    ['https://[::1]:4566', 'https://[::1]:4566'],
  ];
  for (const [raw, value] of ACCEPTED) {
    it(`accepts ${JSON.stringify(raw)}`, function () {
      assert.deepEqual(checkEndpoint(raw), { ok: true, value });
    });
  }

  const REFUSED: [string, RegExp][] = [
    ['ftp://example.com', /http or https, not “ftp”/],
    ['file:///etc/passwd', /http or https/],
    ['http://user:pass@example.com', /user name or password/],
    ['https://user@example.com', /user name or password/],
    ['not a url', /is not a URL/],
    ['example.com:4566', /http or https|not a URL/],
    ['http://', /not a URL|no host/],
    ['http://127.0.0.1:4566/?x=1', /query string/],
    ['http://127.0.0.1:4566/#frag', /query string or fragment/],
  ];
  for (const [raw, why] of REFUSED) {
    it(`refuses ${JSON.stringify(raw)}`, function () {
      const r = checkEndpoint(raw);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, why);
    });
  }
});

describe('settings: checkRegion, checkProfile, checkConnectionSettings', function () {
  it('accepts region names of every partition and empty, refuses anything else', function () {
    for (const r of ['us-east-1', 'eu-central-2', 'ap-southeast-4', 'us-gov-west-1', 'cn-north-1', 'il-central-1'])
      assert.deepEqual(checkRegion(r), { ok: true, value: r });
    assert.deepEqual(checkRegion(' eu-west-1 '), { ok: true, value: 'eu-west-1' });
    assert.deepEqual(checkRegion(''), { ok: true, value: undefined });
    for (const r of ['US-EAST-1', 'us-east', 'useast1', 'us_east_1', 'us-east-1a', 'eu-west-1; rm', 'http://us-east-1', 'us-east-123']) {
      const c = checkRegion(r);
      assert.equal(c.ok, false, r);
      if (!c.ok) assert.match(c.message, /not an AWS Region name/);
    }
  });

  it('accepts profile names and refuses brackets, spaces and overlong names', function () {
    for (const p of ['default', 'dev-account', 'sso.admin@corp', 'team/ml_1']) assert.deepEqual(checkProfile(p), { ok: true, value: p });
    for (const p of ['[default]', 'my profile', 'a'.repeat(129)]) assert.equal(checkProfile(p).ok, false, p);
  });

  it('validates all settings together, naming the failing setting, and builds a stable cache key', function () {
    assert.deepEqual(checkConnectionSettings({ profile: 'dev', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566/' }), {
      ok: true,
      value: { profile: 'dev', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' },
    });
    assert.deepEqual(checkConnectionSettings({ profile: '', region: '', endpoint: '' }), { ok: true, value: {} });
    const bad = checkConnectionSettings({ region: 'eu-west-1', endpoint: 'ftp://x' });
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.message, /^sagemakerImages\.endpoint: /);
    const typed = checkConnectionSettings({ region: 42 });
    assert.equal(typed.ok, false);
    if (!typed.ok) assert.match(typed.message, /sagemakerImages\.region must be a string/);

    assert.equal(settingsKey({ region: 'us-east-1' }), settingsKey({ region: 'us-east-1', profile: undefined }));
    assert.notEqual(settingsKey({ region: 'us-east-1' }), settingsKey({ region: 'us-east-2' }));
    assert.notEqual(settingsKey({ profile: 'a' }), settingsKey({ endpoint: 'a' }));
  });
});

describe('region resolution', function () {
  it('prefers the setting, then the profile region, then AWS_REGION, then us-east-1', async function () {
    const dir = testTempDir();
    const config = path.join(dir, 'config-with-regions');
    fs.writeFileSync(config, '[default]\nregion = ap-south-1\n[profile dev]\nregion = eu-north-1\n');
    const missing = path.join(dir, 'no-such-credentials');
    await withAwsEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: missing, AWS_REGION: 'ca-central-1' }, async () => {
      assert.equal(await resolveRegion({ region: 'sa-east-1', profile: 'dev' }), 'sa-east-1');
      assert.equal(await resolveRegion({ profile: 'dev' }), 'eu-north-1');
      assert.equal(await resolveRegion({}), 'ap-south-1');
      assert.equal(await resolveRegion({ profile: 'nobody' }), 'ca-central-1');
    });
    await withAwsEnv({ AWS_CONFIG_FILE: path.join(dir, 'nothing'), AWS_SHARED_CREDENTIALS_FILE: missing }, async () => {
      assert.equal(await resolveRegion({}), FALLBACK_REGION);
      assert.equal(FALLBACK_REGION, 'us-east-1');
    });
  });
});

describe('arns', function () {
  const PARTITIONS: [string, string][] = [
    ['us-east-1', 'aws'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ];
  for (const [region, partition] of PARTITIONS) {
    it(`builds and parses image and image-version ARNs in ${partition} (${region})`, function () {
      assert.equal(partitionOf(region), partition);
      const image = imageArn(region, '123456789012', 'My-Image.v2');
      assert.equal(image, `arn:${partition}:sagemaker:${region}:123456789012:image/My-Image.v2`);
      assert.deepEqual(parseImageArn(image), { kind: 'image', partition, region, account: '123456789012', imageName: 'My-Image.v2' });
      assert.deepEqual(parseArn(image), parseImageArn(image));

      const version = imageVersionArn(region, '123456789012', 'My-Image.v2', 17);
      assert.equal(version, `arn:${partition}:sagemaker:${region}:123456789012:image-version/my-image.v2/17`);
      assert.deepEqual(parseImageVersionArn(version), {
        kind: 'imageVersion',
        partition,
        region,
        account: '123456789012',
        imageName: 'my-image.v2',
        version: 17,
      });
      assert.deepEqual(parseArn(version), parseImageVersionArn(version));

      // The emulator (written independently from the model) produces the same ARNs.
      assert.equal(emulatorImageArn(region, 'My-Image.v2'), image);
      assert.equal(emulatorImageVersionArn(region, 'My-Image.v2', 17), version);
    });
  }

  it('refuses ARNs that are not SageMaker image ARNs', function () {
    for (const bad of [
      '',
      'None',
      'arn:aws:sagemaker:us-east-1:123456789012:image/',
      'arn:aws:sagemaker:us-east-1:12345:image/x',
      'arn:aws:s3:us-east-1:123456789012:image/x',
      'arn:aws:sagemaker:us-east-1:123456789012:image/-x',
      'arn:aws:sagemaker:us-east-1:123456789012:image/x--y',
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/x/',
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/UPPER/1',
      'arn:gcp:sagemaker:us-east-1:123456789012:image/x',
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/x/99999999999999999999',
    ]) {
      assert.equal(parseArn(bad), undefined, bad);
    }
    assert.equal(parseImageArn('arn:aws:sagemaker:us-east-1:123456789012:image-version/x/1'), undefined);
    assert.equal(parseImageVersionArn('arn:aws:sagemaker:us-east-1:123456789012:image/x'), undefined);
  });
});
