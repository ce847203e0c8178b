/**
 * The bench's I/O that must hold on a busy machine. Child processes run through the async
 * execFile: a synchronous one blocks the event loop for its whole run, the emulator closes the
 * idle keep-alive socket meanwhile, and the next request written on it fails with "other side
 * closed". Control requests to the emulator each use a fresh connection (no agent, Connection:
 * close) and retry a few times on a connection-level failure, so one closed socket is not fatal.
 */
import { execFile } from 'node:child_process';
import * as http from 'node:http';

/** Runs a program without blocking the event loop; resolves with its stdout. */
export function run(file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.slice(0, 2).join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Connection-level failures worth another try: the request may never have reached the server. */
const RETRYABLE = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
export function isRetryableSocketError(e: unknown): boolean {
  const err = e as { code?: string; message?: string; cause?: unknown };
  if (err?.code && RETRYABLE.has(err.code)) return true;
  if (/socket hang up|other side closed/i.test(String(err?.message ?? '').slice(0, 200))) return true;
  return err?.cause !== undefined && err.cause !== e && isRetryableSocketError(err.cause);
}

function once(baseUrl: string, method: string, path: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { connection: 'close' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // agent: false — a new socket for this request alone, never one left idle by an earlier one.
    const req = http.request(new URL(path, baseUrl), { method, headers, agent: false, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve(text);
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`${method} ${path}: timed out`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One control request on its own connection; up to `attempts` tries on a connection-level failure.
 * GET and DELETE are idempotent and retried on any such failure; a POST (seed, reset, fault) may
 * have been applied before its connection dropped, so it is retried only when it never connected.
 */
export async function controlRequest(baseUrl: string, method: string, path: string, body?: string, attempts = 3): Promise<string> {
  const idempotent = method === 'GET' || method === 'DELETE';
  for (let i = 1; ; i++) {
    try {
      return await once(baseUrl, method, path, body);
    } catch (e) {
      const neverConnected = (e as { code?: unknown }).code === 'ECONNREFUSED';
      if (i >= attempts || !isRetryableSocketError(e) || !(idempotent || neverConnected)) throw e;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}
