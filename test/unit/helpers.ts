/**
 * Shared plumbing for the plain-Node contract tests: test credentials for the whole run (a root
 * hook, registered once when the first spec file imports this module), emulator start/stop per
 * describe, connections through src/aws, and a raw HTTP client for looking at the wire itself.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection, type SageMakerConnection } from '../../src/aws/clientFactory';
import type { ClientOptions } from '../../src/model/awsLayer';
import { isAwsError, type AwsError, type AwsErrorKind } from '../../src/model/errors';
import type { FixtureName } from '../emulator/fixtures';
import { SageMakerEmulator } from '../emulator/server';

export const ACCESS_KEY_ID = 'AKIDTEST';
export const SECRET_ACCESS_KEY = 'test-secret';

let savedEnv: Record<string, string | undefined> | undefined;
let tempDir: string | undefined;

/** Removes every AWS_* variable from the environment. */
export function clearAwsEnv(): void {
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('AWS_')) delete process.env[key];
  }
}

/** A directory for this run's throwaway files (config files that do not exist, empty ones). */
export function testTempDir(): string {
  tempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'smi-unit-'));
  return tempDir;
}

/** Runs `fn` with process.env replaced by `vars` on top of a cleared AWS_* environment, then restores it. */
export async function withAwsEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = { ...process.env };
  clearAwsEnv();
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
    Object.assign(process.env, before);
  }
}

// Root hooks: no inherited AWS_* variable (profile, region, endpoint, real keys) may leak in.
before(function () {
  savedEnv = {};
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) savedEnv[key] = process.env[key];
  clearAwsEnv();
  const dir = testTempDir();
  process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY_ID;
  process.env.AWS_SECRET_ACCESS_KEY = SECRET_ACCESS_KEY;
  process.env.AWS_CONFIG_FILE = path.join(dir, 'no-such-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'no-such-credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});

after(function () {
  clearAwsEnv();
  if (savedEnv) Object.assign(process.env, savedEnv);
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

/**
 * Registers before/after hooks in the calling describe that start one emulator on port 0 (with
 * the given fixture) and stop it. The returned getter is valid inside tests and hooks.
 */
export function useEmulator(fixture: FixtureName = 'empty', now?: number): () => SageMakerEmulator {
  let emulator: SageMakerEmulator | undefined;
  before(async function () {
    emulator = new SageMakerEmulator({ port: 0, fixture, ...(now !== undefined ? { now } : {}) });
    await emulator.start();
  });
  after(async function () {
    await emulator?.stop();
    emulator = undefined;
  });
  return () => {
    if (!emulator) throw new Error('emulator not started');
    return emulator;
  };
}

/** A connection through src/aws to the emulator; retries off unless asked for. */
export function connect(emulator: SageMakerEmulator, options: ClientOptions = {}, region = 'us-east-1'): Promise<SageMakerConnection> {
  return createConnection(
    { region, endpoint: emulator.url },
    { maxAttempts: 1, requestTimeoutMs: 5_000, connectionTimeoutMs: 2_000, ...options },
  );
}

/** Awaits a promise that must reject with an AwsError of `kind`; returns the error. */
export async function expectAwsError(p: Promise<unknown>, kind: AwsErrorKind): Promise<AwsError> {
  let value: unknown;
  try {
    value = await p;
  } catch (e) {
    assert.ok(isAwsError(e), `expected an AwsError, got ${String(e)} (${(e as Error)?.name})`);
    assert.equal(e.kind, kind, `expected kind ${kind}, got ${e.kind}: ${e.message}`);
    return e;
  }
  assert.fail(`expected a rejection with kind ${kind}, got ${JSON.stringify(value)}`);
}

/** Awaits a promise that must reject; returns what it threw. */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  assert.fail('expected the promise to reject');
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): Record<string, unknown>;
}

/** One plain node:http request, no SDK involved. */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(options.path ?? '/', baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Headers of an awsJson1_1 call with a syntactically SigV4 Authorization for `region` (the emulator reads only the scope). */
export function awsJsonHeaders(operation: string, region = 'us-east-1'): Record<string, string> {
  return {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `SageMaker.${operation}`,
    authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20260101/${region}/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000`,
  };
}

/** An awsJson1_1 call over raw HTTP. */
export function rawCall(baseUrl: string, operation: string, body: unknown, region = 'us-east-1'): Promise<RawResponse> {
  return rawRequest(baseUrl, {
    method: 'POST',
    path: '/',
    headers: awsJsonHeaders(operation, region),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** JSON over HTTP to a control route under /_emulator/. */
export async function control(baseUrl: string, method: string, route: string, body?: unknown): Promise<RawResponse> {
  return rawRequest(baseUrl, {
    method,
    path: route,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A message-level check that a server ValidationException names the member and the Coral constraint. */
export function assertCoral(message: string, member: string, constraint: string | RegExp): void {
  assert.match(message, /^\d+ validation errors? detected: /, message);
  assert.ok(message.includes(`at '${member}' failed to satisfy constraint: `), `message does not name '${member}': ${message}`);
  if (typeof constraint === 'string') assert.ok(message.includes(constraint), `message lacks “${constraint}”: ${message}`);
  else assert.match(message, constraint);
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
