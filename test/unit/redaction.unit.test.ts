/**
 * Log redaction (src/model/log.ts), one case per pattern: each line holds one kind of secret in the
 * shape it really takes (an SDK debug line, an STS XML body, an SSO token-cache JSON, a proxy URL),
 * and the whole redacted line is compared, so the test fails both when the secret survives and
 * when redaction eats the text around it.
 */
import * as assert from 'node:assert/strict';
import { mayHoldSecret, redact } from '../../src/model/log';

const HEX64 = '0123456789abcdef'.repeat(4);
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example/token+value==';

const CASES: { pattern: string; line: string; secret: string; expected: string }[] = [
  {
    pattern: 'an AKIA access key id',
    line: 'credentials AKIAIOSFODNN7EXAMPLE from the environment',
    secret: 'AKIAIOSFODNN7EXAMPLE',
    expected: 'credentials [access-key-id] from the environment',
  },
  {
    pattern: 'an ASIA (temporary) access key id',
    line: 'resolved ASIAQWERTYUIOPASDFGH for profile dev',
    secret: 'ASIAQWERTYUIOPASDFGH',
    expected: 'resolved [access-key-id] for profile dev',
  },
  {
    pattern: 'an Authorization header line',
    line: `authorization: AWS4-HMAC-SHA256 Credential=ASIAQWERTYUIOPASDFGH/20260501/us-east-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=${HEX64}`,
    secret: 'Credential=ASIAQWERTYUIOPASDFGH',
    expected: 'authorization: [redacted], SignedHeaders=host;x-amz-date, Signature=[redacted]',
  },
  {
    pattern: 'an Authorization header in JSON',
    line: `{"Authorization":"AWS4-HMAC-SHA256 Credential=AKIDTEST/20260501","host":"api.sagemaker.us-east-1.amazonaws.com"}`,
    secret: 'AWS4-HMAC-SHA256 Credential=AKIDTEST',
    expected: '{"Authorization":"[redacted]","host":"api.sagemaker.us-east-1.amazonaws.com"}',
  },
  {
    pattern: 'an x-amz-security-token header',
    line: `x-amz-security-token: ${SESSION_TOKEN}`,
    secret: SESSION_TOKEN,
    expected: 'x-amz-security-token: [redacted]',
  },
  {
    pattern: 'aws_session_token in a credentials file line',
    line: `aws_session_token = ${SESSION_TOKEN} # from sts`,
    secret: SESSION_TOKEN,
    expected: 'aws_session_token = [redacted] # from sts',
  },
  {
    pattern: 'sessionToken in SDK JSON',
    line: `{"accessKeyId":"x","sessionToken":"${SESSION_TOKEN}","expiration":"2026-05-01T00:00:00Z"}`,
    secret: SESSION_TOKEN,
    expected: '{"accessKeyId":"x","sessionToken":"[redacted]","expiration":"2026-05-01T00:00:00Z"}',
  },
  {
    pattern: 'aws_secret_access_key',
    line: 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY region=us-east-1',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    expected: 'aws_secret_access_key=[redacted] region=us-east-1',
  },
  {
    pattern: 'secret_access_key without the aws_ prefix',
    line: 'secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY (from process)',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    expected: 'secret_access_key: [redacted] (from process)',
  },
  {
    pattern: 'secretAccessKey in SSO GetRoleCredentials JSON',
    line: '{"roleCredentials":{"secretAccessKey":"wJalrXUtnFEMI/K7MDENG","expiration":1}}',
    secret: 'wJalrXUtnFEMI/K7MDENG',
    expected: '{"roleCredentials":{"secretAccessKey":"[redacted]","expiration":1}}',
  },
  {
    pattern: 'an XML <SecretAccessKey> (STS response)',
    line: '<Credentials><AccessKeyId>x</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG+bPxRfiCY</SecretAccessKey><Expiration>2026</Expiration>',
    secret: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY',
    expected: '<Credentials><AccessKeyId>x</AccessKeyId><SecretAccessKey>[redacted]</SecretAccessKey><Expiration>2026</Expiration>',
  },
  {
    pattern: 'an XML <SessionToken> (STS response)',
    line: `<SessionToken>${SESSION_TOKEN}</SessionToken><Expiration>2026-05-01T00:00:00Z</Expiration>`,
    secret: SESSION_TOKEN,
    expected: '<SessionToken>[redacted]</SessionToken><Expiration>2026-05-01T00:00:00Z</Expiration>',
  },
  {
    pattern: 'an SSO accessToken (token cache JSON)',
    line: '{"startUrl": "https://example.awsapps.com/start", "accessToken": "aoaAAAAAGexample-sso-token", "expiresAt": "2026-05-01T00:00:00Z"}',
    secret: 'aoaAAAAAGexample-sso-token',
    expected: '{"startUrl": "https://example.awsapps.com/start", "accessToken": "[redacted]", "expiresAt": "2026-05-01T00:00:00Z"}',
  },
  {
    pattern: 'an SSO refreshToken and clientSecret (token cache JSON)',
    line: '{"refreshToken": "Atzr|refresh-example", "clientSecret": "eyJraWQiOiJrZXkt", "region": "us-east-1"}',
    secret: 'Atzr|refresh-example',
    expected: '{"refreshToken": "[redacted]", "clientSecret": "[redacted]", "region": "us-east-1"}',
  },
  {
    pattern: 'a Signature= query parameter (presigned URL)',
    line: `GET /?X-Amz-Signature=${HEX64}&X-Amz-Date=20260501T000000Z`,
    secret: HEX64,
    expected: 'GET /?X-Amz-Signature=[redacted]&X-Amz-Date=20260501T000000Z',
  },
  {
    pattern: 'user info in a URL',
    line: 'proxy https://user:hunter2@proxy.example:8443/path in use',
    secret: 'hunter2',
    expected: 'proxy https://[redacted]@proxy.example:8443/path in use',
  },
  {
    pattern: 'a URL password holding a raw @',
    line: 'endpoint https://user:p@ss@proxy.example:8443/x refused',
    secret: 'ss@proxy',
    expected: 'endpoint https://[redacted]@proxy.example:8443/x refused',
  },
  {
    pattern: 'user info in a URL of another scheme (a SOCKS proxy)',
    line: 'HTTPS_PROXY=socks5://me:s3cret@10.1.2.3:1080 set',
    secret: 's3cret',
    expected: 'HTTPS_PROXY=socks5://[redacted]@10.1.2.3:1080 set',
  },
  {
    pattern: 'user info in a URL glued to a word',
    line: 'value=_https://me:s3cret@host/ and xhttp://me:s3cret@host/',
    secret: 's3cret',
    expected: 'value=_https://[redacted]@host/ and xhttp://[redacted]@host/',
  },
  {
    pattern: 'an XML secret tag with attributes',
    line: '<SecretAccessKey xmlns="https://sts.amazonaws.com/doc/2011-06-15/">wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>',
    secret: 'wJalrXUtnFEMI',
    expected: '<SecretAccessKey xmlns="https://sts.amazonaws.com/doc/2011-06-15/">[redacted]</SecretAccessKey>',
  },
];

describe('log redaction, one case per pattern', function () {
  for (const c of CASES) {
    it(`removes ${c.pattern} and keeps the rest of the line`, function () {
      const out = redact(c.line);
      assert.ok(!out.includes(c.secret), `the secret survived: ${out}`);
      assert.equal(out, c.expected);
    });
  }

  it('leaves a line without secrets unchanged (URLs, ARNs, request ids)', function () {
    const line =
      'ListImageVersions 200 in 35 ms (request 7f3c1e2a-0b4d) https://api.sagemaker.us-east-1.amazonaws.com/ arn:aws:sagemaker:us-east-1:123456789012:image/my-image';
    assert.equal(redact(line), line);
  });

  it('skips the patterns only for a line no pattern could change (the prefilter is a superset)', function () {
    for (const c of CASES) assert.ok(mayHoldSecret(c.line), c.pattern);
    // Each separator alone, and a key-id-long run of letters and digits, send a line to the patterns.
    for (const line of ['a=b', 'a:b', '<a>', 'u@h', 'x'.repeat(20), `9${'Z'.repeat(19)}`]) assert.ok(mayHoldSecret(line), line);
    for (const line of ['SageMaker Image Versions 0.1.0 activated', 'x'.repeat(19), `${'a'.repeat(19)}-${'b'.repeat(19)}`, '']) {
      assert.equal(mayHoldSecret(line), false, line);
      assert.equal(redact(line), line);
    }
  });
});
