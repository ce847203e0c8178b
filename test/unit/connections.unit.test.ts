/**
 * Which connection a call gets: one per profile, region and endpoint (a key without the profile
 * would sign another profile's calls with the first profile's keys); the region from AWS_REGION
 * before AWS_DEFAULT_REGION, as the AWS SDKs and CLI read them; and a creation that failed is not
 * kept, so the next use tries again. Checked on the credentials each client signs with and on the
 * region the emulator saw in the signature's scope.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConnectionCache, type SageMakerConnection } from '../../src/aws/clientFactory';
import type { ResolvedConnection } from '../../src/model/awsLayer';
import { silentLogger } from '../../src/model/log';
import { listImagesPage } from '../../src/aws/operations';
import type { ConnectionSettings } from '../../src/model/settings';
import { resolveRegion } from '../../src/aws/sharedConfig';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { testTempDir, useEmulator, withAwsEnv } from './helpers';

function profileFiles(): Record<string, string> {
  const dir = path.join(testTempDir(), 'connections');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'config'), '[profile alpha]\nregion = us-east-1\n[profile beta]\nregion = us-east-1\n');
  fs.writeFileSync(
    path.join(dir, 'credentials'),
    '[alpha]\naws_access_key_id = AKIDALPHA0000000001\naws_secret_access_key = alpha-secret\n[beta]\naws_access_key_id = AKIDBETA00000000002\naws_secret_access_key = beta-secret\n',
  );
  return { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
}

/** The access key a connection signs with (a session's connections are the AWS layer's, SDK client included). */
async function accessKeyOf(conn: ResolvedConnection): Promise<string> {
  return (await (conn as SageMakerConnection).client.config.credentials()).accessKeyId;
}

describe('connections', function () {
  const emu = useEmulator('empty');

  before(function () {
    emu().seed({ images: [{ name: 'conn-image', versions: 1 }] });
    emu().seed({ region: 'eu-west-1', images: [{ name: 'conn-eu', versions: 1 }] });
    emu().seed({ region: 'ap-south-1', images: [{ name: 'conn-ap', versions: 1 }] });
  });
  beforeEach(() => emu().clearRequests());

  describe('cache key', function () {
    it('keeps one connection per profile: each signs with its own profile’s keys', async function () {
      await withAwsEnv(profileFiles(), async () => {
        const cache = new ConnectionCache({ maxAttempts: 1 });
        try {
          const alpha = await cache.get({ profile: 'alpha', region: 'us-east-1', endpoint: emu().url });
          const beta = await cache.get({ profile: 'beta', region: 'us-east-1', endpoint: emu().url });
          assert.notEqual(beta, alpha);
          assert.equal(cache.size, 2);
          assert.equal(await accessKeyOf(alpha), 'AKIDALPHA0000000001');
          assert.equal(await accessKeyOf(beta), 'AKIDBETA00000000002');
          assert.equal(await cache.get({ profile: 'alpha', region: 'us-east-1', endpoint: emu().url }), alpha);
        } finally {
          cache.clear();
        }
      });
    });

    it('keeps one connection per endpoint and per region', async function () {
      const cache = new ConnectionCache({ maxAttempts: 1 });
      try {
        const a = await cache.get({ region: 'us-east-1', endpoint: emu().url });
        const b = await cache.get({ region: 'us-east-1', endpoint: `${emu().url}/` });
        const c = await cache.get({ region: 'eu-west-1', endpoint: emu().url });
        assert.notEqual(a, b);
        assert.notEqual(a, c);
        assert.equal(c.region, 'eu-west-1');
        assert.equal((await listImagesPage(c, {})).items[0].imageName, 'conn-eu');
      } finally {
        cache.clear();
      }
    });

    it('a session’s profile change is a settings change: new generation, the new profile’s keys', async function () {
      await withAwsEnv(profileFiles(), async () => {
        const session = new SageMakerSession({ profile: 'alpha', region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test');
        try {
          const before = session.settingsGeneration;
          assert.equal(await accessKeyOf(await session.connection()), 'AKIDALPHA0000000001');
          assert.equal(session.updateSettings({ profile: 'beta', region: 'us-east-1', endpoint: emu().url }), true);
          assert.notEqual(session.settingsGeneration, before);
          assert.equal(await accessKeyOf(await session.connection()), 'AKIDBETA00000000002');
          assert.equal(
            session.updateSettings({ profile: 'beta', region: 'us-east-1', endpoint: emu().url }),
            false,
            'the same settings are no change',
          );
        } finally {
          session.dispose();
        }
      });
    });
  });

  describe('region from the environment', function () {
    it('AWS_REGION wins over AWS_DEFAULT_REGION (the SDKs’ and the CLI’s order)', async function () {
      assert.equal(await resolveRegion({}, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' }), 'eu-west-1');
      assert.equal(await resolveRegion({}, { AWS_DEFAULT_REGION: 'ap-south-1' }), 'ap-south-1');
      assert.equal(
        await resolveRegion({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-south-1' }),
        'ap-south-1',
        'an empty AWS_REGION is unset',
      );
      assert.equal(await resolveRegion({}, {}), 'us-east-1');
      assert.equal(
        await resolveRegion({ region: 'ca-central-1' }, { AWS_REGION: 'eu-west-1' }),
        'ca-central-1',
        'the setting wins over both',
      );
    });

    it('the call goes to AWS_REGION’s region on the wire, not AWS_DEFAULT_REGION’s', async function () {
      await withAwsEnv(
        { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' },
        async () => {
          const cache = new ConnectionCache({ maxAttempts: 1 });
          try {
            const conn = await cache.get({ endpoint: emu().url });
            assert.equal(conn.region, 'eu-west-1');
            const page = await listImagesPage(conn, {});
            assert.deepEqual(
              page.items.map((i) => i.imageName),
              ['conn-eu'],
            );
            assert.deepEqual(
              emu()
                .calls('ListImages')
                .map((c) => c.region),
              ['eu-west-1'],
            );
          } finally {
            cache.clear();
          }
        },
      );
    });
  });

  describe('a failed creation', function () {
    /**
     * Settings whose endpoint cannot be read the first time creation reads it (the key is read
     * first, then the endpoint resolution): creation then fails inside the cache, as an
     * unexpected error in the region or endpoint resolution would.
     */
    function flakySettings(endpoint: string): ConnectionSettings {
      let reads = 0;
      return {
        region: 'us-east-1',
        get endpoint(): string {
          reads++;
          if (reads === 2) throw new Error('the endpoint could not be read');
          return endpoint;
        },
      };
    }

    it('is not cached: the next use tries again and gets a working connection', async function () {
      const cache = new ConnectionCache({ maxAttempts: 1 });
      try {
        const settings = flakySettings(emu().url);
        await assert.rejects(cache.get(settings), /could not be read/);
        await new Promise((r) => setImmediate(r));
        assert.equal(cache.size, 0, 'the failure was dropped');
        const conn = await cache.get(settings);
        assert.equal((await listImagesPage(conn, {})).items[0].imageName, 'conn-image');
        assert.equal(cache.size, 1);
      } finally {
        cache.clear();
      }
    });
  });
});

describe('manifest: where the connection settings may come from', function () {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  };
  const props = pkg.contributes.configuration.properties;

  for (const key of ['sagemakerImages.endpoint', 'sagemakerImages.profile']) {
    it(`${key} is machine-scoped (never from a workspace or folder) and restricted in untrusted workspaces`, function () {
      assert.equal(props[key]?.scope, 'machine', `${key} scope`);
      assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), `${key} is not in restrictedConfigurations`);
    });
  }

  it('the region settings are restricted in untrusted workspaces too', function () {
    for (const key of ['sagemakerImages.region', 'sagemakerImages.regions']) {
      assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), key);
    }
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });
});
