/**
 * Finding 13/1.11: a custom endpoint over plain http sends every request in clear, session
 * tokens included, to whoever is on the path. That is fine for a local emulator on a loopback
 * address and a risk anywhere else, so the extension warns, once per endpoint, naming the host.
 * The decision is here, vscode-free, so it is unit-tested in plain Node; the session logs the
 * warning and the extension shows the notification.
 */

/** No spelling of a loopback host is longer; longer hosts are not matched (bounded input). */
const MAX_LOOPBACK_HOST_LENGTH = 64;

/** Dotted IPv4 as the URL parser normalises it (so 0x7f.1 and 2130706433 arrive as 127.0.0.1). */
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether a URL hostname (as `new URL` gives it) is a loopback address: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname.length > MAX_LOOPBACK_HOST_LENGTH) return false;
  const host = hostname.toLowerCase();
  // Exactly "localhost" (a trailing root dot is the same name); localhost.attacker.com is not.
  if (host === 'localhost' || host === 'localhost.') return true;
  if (IPV4_LOOPBACK.test(host)) return true;
  // The URL parser compresses IPv6, so ::1 in any spelling is [::1]; ::ffff:127.x.y.z is IPv4 loopback mapped.
  if (host === '[::1]') return true;
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/**
 * The host of `endpoint` when requests to it would travel unencrypted to another machine (plain
 * http, host not loopback); undefined for https, loopback, no endpoint, or text that is not a URL.
 * The host comes without user info or port, so it can be shown and logged.
 */
export function insecureEndpointHost(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:') return undefined;
  return isLoopbackHost(url.hostname) ? undefined : url.hostname;
}

/**
 * Remembers which insecure endpoints were already reported, so each is reported once per
 * session however many clients (regions, settings changes) are created for it.
 */
export class InsecureEndpointWarnings {
  private readonly reported = new Set<string>();

  constructor(private readonly report: (host: string, origin: string) => void) {}

  /** Reports `endpoint` if it is insecure and new; returns whether it reported. */
  check(endpoint: string | undefined): boolean {
    const host = insecureEndpointHost(endpoint);
    if (host === undefined || endpoint === undefined) return false;
    // Scheme, host and port: another path on the same server is the same exposure.
    const origin = new URL(endpoint).origin;
    if (this.reported.has(origin)) return false;
    this.reported.add(origin);
    this.report(host, origin);
    return true;
  }
}
