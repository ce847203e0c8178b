/**
 * Profiles, endpoints and credential failures, in plain Node: the profile list and kinds, the
 * endpoint resolution order for the chosen profile, known regions, and how credential-chain
 * failures become messages a person can act on (real SDK credential chain, no network).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createConnection } from '../../src/aws/clientFactory';
import { isAwsError } from '../../src/model/errors';
import { toAwsError } from '../../src/aws/errorMapping';
import { redact } from '../../src/model/log';
import { listImagesPage } from '../../src/aws/operations';
import { listProfiles, profileExists } from '../../src/aws/profiles';
import { consoleDomain, isKnownRegion, SAGEMAKER_REGIONS } from '../../src/model/regions';
import { checkRegion } from '../../src/model/settings';
import { resolveEndpoint } from '../../src/aws/sharedConfig';
import { SageMakerEmulator } from '../emulator/server';
import { testTempDir, withAwsEnv } from './helpers';

const CONFIG = `[default]
region = us-east-1
[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-west-1
[sso-session corp]
sso_start_url = https://corp.example.invalid/start
sso_region = us-east-1
[profile ops-role]
role_arn = arn:aws:iam::111122223333:role/Ops
source_profile = default
region = us-west-2
[profile web]
role_arn = arn:aws:iam::111122223333:role/Web
web_identity_token_file = /tmp/token
[profile proc]
credential_process = /bin/false
[profile local]
endpoint_url = http://127.0.0.1:4566
[profile via-services]
services = emu
endpoint_url = http://127.0.0.1:1111
[services emu]
sagemaker =
  endpoint_url = http://127.0.0.1:4567
[profile bare]
region = ap-south-1
`;
const CREDENTIALS = `[default]
aws_access_key_id = AKIDUNITDEFAULT00001
aws_secret_access_key = unit-secret
[keys-only]
aws_access_key_id = AKIDUNITKEYSONLY0001
aws_secret_access_key = unit-secret-2
region = ap-southeast-2
`;

function files(): { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string } {
  const dir = path.join(testTempDir(), 'accounts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'config'), CONFIG);
  fs.writeFileSync(path.join(dir, 'credentials'), CREDENTIALS);
  return { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
}

describe('profiles', () => {
  it('lists every profile of both files with its kind, region and endpoint, and no other section', async () => {
    await withAwsEnv(files(), async () => {
      const profiles = await listProfiles();
      const summary = profiles.map((p) => [p.name, p.kind, p.region ?? '', p.endpointUrl ?? '']);
      assert.deepEqual(summary, [
        ['default', 'keys', 'us-east-1', ''],
        ['bare', 'other', 'ap-south-1', ''],
        ['keys-only', 'keys', 'ap-southeast-2', ''],
        ['local', 'other', '', 'http://127.0.0.1:4566'],
        ['ops-role', 'role', 'us-west-2', ''],
        ['proc', 'process', '', ''],
        ['sso-dev', 'sso', 'eu-west-1', ''],
        ['via-services', 'other', '', 'http://127.0.0.1:4567'],
        ['web', 'web-identity', '', ''],
      ]);
      assert.equal(await profileExists('ops-role'), true);
      assert.equal(await profileExists('corp'), false);
    });
  });
});

describe('endpoint resolution for the chosen profile', () => {
  it('takes the setting, then AWS_ENDPOINT_URL_SAGEMAKER, AWS_ENDPOINT_URL, the services section, the profile', async () => {
    const f = files();
    await withAwsEnv({ ...f, AWS_ENDPOINT_URL_SAGEMAKER: 'http://env-sagemaker', AWS_ENDPOINT_URL: 'http://env-all' }, async () => {
      assert.equal(await resolveEndpoint({ endpoint: 'http://setting', profile: 'local' }), 'http://setting');
      assert.equal(await resolveEndpoint({ profile: 'local' }), 'http://env-sagemaker');
    });
    await withAwsEnv({ ...f, AWS_ENDPOINT_URL: 'http://env-all' }, async () => {
      assert.equal(await resolveEndpoint({ profile: 'local' }), 'http://env-all');
    });
    await withAwsEnv(f, async () => {
      assert.equal(await resolveEndpoint({ profile: 'via-services' }), 'http://127.0.0.1:4567', 'services beat endpoint_url');
      assert.equal(await resolveEndpoint({ profile: 'local' }), 'http://127.0.0.1:4566');
      assert.equal(await resolveEndpoint({ profile: 'bare' }), undefined);
      assert.equal(await resolveEndpoint({}), undefined, 'the default profile has none');
    });
    await withAwsEnv({ ...f, AWS_PROFILE: 'local' }, async () => {
      assert.equal(await resolveEndpoint({}), 'http://127.0.0.1:4566', 'AWS_PROFILE names the profile when no setting does');
    });
    await withAwsEnv({ ...f, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL_SAGEMAKER: 'http://env' }, async () => {
      assert.equal(await resolveEndpoint({ profile: 'local' }), undefined);
    });
    await withAwsEnv({ ...f, AWS_DEFAULT_PROFILE: 'local' }, async () => {
      assert.equal(await resolveEndpoint({}), undefined, 'AWS_DEFAULT_PROFILE is not read: the credential chain ignores it too');
    });
  });

  it('sends requests to the chosen profile’s endpoint_url (which the SDK alone would ignore)', async () => {
    const emulator = new SageMakerEmulator();
    await emulator.start();
    try {
      const dir = path.join(testTempDir(), 'accounts-endpoint');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'config'),
        `[default]\nregion = us-east-1\n[profile emu]\nregion = eu-west-1\nendpoint_url = ${emulator.url}\n`,
      );
      fs.writeFileSync(path.join(dir, 'credentials'), '[emu]\naws_access_key_id = AKIDUNITEMU000000001\naws_secret_access_key = s\n');
      emulator.seed({ region: 'eu-west-1', images: [{ name: 'from-profile-endpoint' }] });
      await withAwsEnv(
        { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') },
        async () => {
          const conn = await createConnection({ profile: 'emu' }, { maxAttempts: 1 });
          try {
            const page = await listImagesPage(conn, {});
            assert.deepEqual(
              page.items.map((i) => i.imageName),
              ['from-profile-endpoint'],
            );
            assert.equal(emulator.calls('ListImages')[0].region, 'eu-west-1');
          } finally {
            conn.client.destroy();
          }
        },
      );
    } finally {
      await emulator.stop();
    }
  });
});

describe('log redaction', () => {
  it('removes user info from URLs, key ids, secrets and signatures', () => {
    const line = redact(
      'endpoint=https://user:hunter2@proxy.example:8443/x key=AKIAABCDEFGHIJKLMNOP aws_secret_access_key=abc123 Signature=' +
        'a'.repeat(64),
    );
    for (const secret of ['hunter2', 'user:', 'AKIAABCDEFGHIJKLMNOP', 'abc123', 'a'.repeat(64)]) assert.ok(!line.includes(secret), line);
    assert.match(line, /https:\/\/\[redacted\]@proxy\.example:8443/);
  });
});

describe('regions', () => {
  it('knows SageMaker regions in the three partitions and their console domains', () => {
    assert.ok(SAGEMAKER_REGIONS.aws.length > 25);
    for (const r of ['us-east-1', 'eu-central-2', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1'])
      assert.ok(isKnownRegion(r), r);
    assert.equal(isKnownRegion('xx-nowhere-9'), false);
    assert.equal(consoleDomain('us-east-1'), 'console.aws.amazon.com');
    assert.equal(consoleDomain('cn-north-1'), 'console.amazonaws.cn');
    assert.equal(consoleDomain('us-gov-west-1'), 'console.amazonaws-us-gov.com');
  });

  it('refuses a well-formed region SageMaker does not serve, saying so', () => {
    const r = checkRegion('xx-nowhere-9');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /not a Region where SageMaker is available/);
  });
});

describe('credential failures a person can act on', () => {
  it('an SSO profile without a session: expiredCredentials with the exact login command', async () => {
    await withAwsEnv({ ...files(), HOME: testTempDir() }, async () => {
      const emulator = new SageMakerEmulator();
      await emulator.start();
      try {
        const conn = await createConnection({ profile: 'sso-dev', endpoint: emulator.url }, { maxAttempts: 1 });
        const e = await listImagesPage(conn, {}).then(
          () => undefined,
          (err: unknown) => err,
        );
        conn.client.destroy();
        assert.ok(isAwsError(e));
        assert.equal(e.kind, 'expiredCredentials');
        assert.equal(e.details.ssoLoginProfile, 'sso-dev');
        assert.match(e.message, /aws sso login --profile sso-dev/);
        assert.equal(emulator.calls().length, 0, 'nothing was sent unsigned');
      } finally {
        await emulator.stop();
      }
    });
  });

  it('a profile that is not in the files: noCredentials naming the profile', () => {
    const e = toAwsError(
      Object.assign(new Error('Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).'), {
        name: 'CredentialsProviderError',
      }),
      { operation: 'ListImages', profile: 'ghost' },
    );
    assert.equal(e.kind, 'noCredentials');
    assert.match(e.message, /Profile “ghost” was not found/);
  });

  it('AccessDenied names the IAM action and the profile', () => {
    const e = toAwsError(
      Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }),
      {
        operation: 'ListImageVersions',
        imageName: 'img',
        profile: 'dev',
        region: 'eu-west-1',
      },
    );
    assert.equal(e.kind, 'accessDenied');
    assert.match(e.message, /sagemaker:ListImageVersions/);
    assert.match(e.message, /profile “dev”/);
    assert.match(e.message, /image “img” in eu-west-1/);
  });
});
