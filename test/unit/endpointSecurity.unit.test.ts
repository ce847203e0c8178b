/**
 * Finding 13/1.11: a plain-http endpoint on a host other than loopback sends session tokens in
 * clear, so it is reported (a warn log line naming the host, and the session's callback that the
 * extension turns into a notification) once per endpoint per session; loopback stays silent.
 * The endpoint is resolved by the real src/aws code from each source: the setting, the
 * environment and a profile's endpoint_url.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { insecureEndpointHost, InsecureEndpointWarnings } from '../../src/model/endpointSecurity';
import type { Logger } from '../../src/model/log';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, testTempDir, useEmulator, withAwsEnv } from './helpers';

describe('insecureEndpointHost (13/1.11)', function () {
  const cases: [string | undefined, string | undefined][] = [
    ['http://127.0.0.1:4566', undefined],
    ['http://127.5.5.5', undefined],
    ['http://localhost:8080/', undefined],
    ['http://LocalHost', undefined],
    ['http://[::1]:4566', undefined],
    ['http://[0:0:0:0:0:0:0:1]/', undefined],
    ['http://0x7f.1/', undefined],
    ['https://example.com', undefined],
    ['https://10.0.0.1', undefined],
    [undefined, undefined],
    ['', undefined],
    ['not a url', undefined],
    ['http://example.com', 'example.com'],
    ['http://10.0.0.1:4566/', '10.0.0.1'],
    ['http://localhost.attacker.com', 'localhost.attacker.com'],
    ['http://127.0.0.1.nip.io', '127.0.0.1.nip.io'],
    ['http://128.0.0.1', '128.0.0.1'],
    ['http://[::2]', '[::2]'],
    ['http://user:secret@example.com:8080/x', 'example.com'],
    ['HTTP://EXAMPLE.COM', 'example.com'],
  ];
  for (const [endpoint, host] of cases) {
    it(`${JSON.stringify(endpoint)} → ${host ?? 'silent'}`, function () {
      assert.equal(insecureEndpointHost(endpoint), host);
    });
  }

  it('answers at once for 100 KB endpoints (long hosts are not matched against the loopback patterns)', function () {
    for (const host of ['a.'.repeat(50_000) + 'com', 'localhost' + '-'.repeat(100_000), '127.0.0.1' + '.x'.repeat(50_000)]) {
      const t = performance.now();
      assert.equal(insecureEndpointHost(`http://${host}`), host);
      assert.ok(performance.now() - t < 1_000);
    }
    // Not a URL at all (an IPv4-looking host with 50,000 parts): silent, and as fast.
    const t = performance.now();
    assert.equal(insecureEndpointHost(`http://127${'.1'.repeat(50_000)}`), undefined);
    assert.ok(performance.now() - t < 1_000);
  });

  it('reports each insecure endpoint once (per origin), never a loopback one', function () {
    const reports: string[] = [];
    const warnings = new InsecureEndpointWarnings((host, origin) => reports.push(`${host} ${origin}`));
    assert.equal(warnings.check('http://example.com:8080'), true);
    assert.equal(warnings.check('http://example.com:8080/other/path'), false);
    assert.equal(warnings.check('http://example.com:8080'), false);
    assert.equal(warnings.check('http://127.0.0.1:8080'), false);
    assert.equal(warnings.check('https://example.com:8080'), false);
    assert.equal(warnings.check('http://example.com:9090'), true);
    assert.equal(warnings.check(undefined), false);
    assert.deepEqual(reports, ['example.com http://example.com:8080', 'example.com http://example.com:9090']);
  });
});

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('SageMakerSession warns about a plain-http endpoint off loopback (13/1.11)', function () {
  const emu = useEmulator('empty');
  const base = { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, AWS_EC2_METADATA_DISABLED: 'true' };

  /** Creates clients for three regions, twice over a settings change, as the tree and hovers would. */
  async function useSession(settings: { endpoint?: string; profile?: string }): Promise<{ log: string[]; notified: string[] }> {
    const log = recorder();
    const notified: string[] = [];
    const session = new SageMakerSession({ region: 'us-east-1', ...settings }, log, 'test', {
      onInsecureEndpoint: (host) => notified.push(host),
    });
    try {
      for (const region of ['us-east-1', 'eu-west-1', 'ap-south-1']) await session.connection(region);
      session.setRequestTimeout(7_000); // the cache is emptied: new clients for the same endpoint
      await session.connection('us-east-1');
    } finally {
      session.dispose();
    }
    return { log: log.lines.filter((l) => l.startsWith('warn ')), notified };
  }

  it('the setting: one warning naming the host, without its user info', async function () {
    await withAwsEnv({ ...base, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' }, async () => {
      const { log, notified } = await useSession({ endpoint: 'http://user:pw@10.0.0.1:4566' });
      assert.deepEqual(notified, ['10.0.0.1']);
      assert.equal(log.length, 1, log.join('\n'));
      assert.match(log[0], /^warn The endpoint http:\/\/10\.0\.0\.1:4566 uses plain http to 10\.0\.0\.1/);
      assert.ok(!log[0].includes('pw'), log[0]);
    });
  });

  it('AWS_ENDPOINT_URL_SAGEMAKER and a profile’s endpoint_url are reported too', async function () {
    const dir = path.join(testTempDir(), 'insecure-endpoint');
    fs.mkdirSync(dir, { recursive: true });
    const config = path.join(dir, 'config');
    fs.writeFileSync(config, '[profile plain]\nregion = us-east-1\nendpoint_url = http://sagemaker.internal.example:8080\n');
    const files = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    await withAwsEnv({ ...base, ...files, AWS_ENDPOINT_URL_SAGEMAKER: 'http://example.com' }, async () => {
      assert.deepEqual((await useSession({})).notified, ['example.com']);
    });
    await withAwsEnv({ ...base, ...files }, async () => {
      assert.deepEqual((await useSession({ profile: 'plain' })).notified, ['sagemaker.internal.example']);
    });
  });

  it('loopback (the emulator, localhost) and https stay silent; real calls still work', async function () {
    await withAwsEnv({ ...base, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' }, async () => {
      const log = recorder();
      const notified: string[] = [];
      const session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, log, 'test', {
        onInsecureEndpoint: (host) => notified.push(host),
      });
      try {
        assert.deepEqual((await session.call('listImages', {})).items, []);
        assert.ok(emu().calls('ListImages').length >= 1, 'the call went over the wire');
      } finally {
        session.dispose();
      }
      for (const endpoint of ['http://localhost:1', 'http://[::1]:1', 'https://example.com']) {
        const r = await useSession({ endpoint });
        assert.deepEqual(r, { log: [], notified: [] }, endpoint);
      }
      assert.deepEqual(notified, []);
      assert.deepEqual(
        log.lines.filter((l) => l.startsWith('warn ')),
        [],
      );
    });
  });
});
