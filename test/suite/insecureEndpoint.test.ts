/**
 * Finding 13/1.11 in the real host: an endpoint over plain http on a non-loopback address gets
 * one warning for the session (asserted on the extension's log; the notification is raised by the
 * same once-per-endpoint call, see src/extension.ts), however many clients the tree creates for
 * it, and a loopback endpoint none. The emulator listens on this machine's own non-loopback
 * address, so no network is needed and the tree really lists through it.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import type { ExtensionApi } from '../../src/extension';
import type { Node } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, labelOf, resetSettings, setSetting, useEndpoint, waitFor } from './helpers';

/** This machine's first non-loopback IPv4 address. */
function lanAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('127.')) return a.address;
  }
  return undefined;
}

describe('plain-http endpoint off loopback (13/1.11)', () => {
  let api: ExtensionApi;
  let lan: SageMakerEmulator;
  let loopback: SageMakerEmulator;
  const host = lanAddress();

  before(async function () {
    assert.ok(host, 'this test needs a non-loopback IPv4 interface (any machine with a network card has one)');
    lan = new SageMakerEmulator({ host });
    loopback = new SageMakerEmulator();
    await Promise.all([lan.start(), loopback.start()]);
    lan.seed({ images: [{ name: 'lan-image', versions: 1 }] });
    lan.seed({ region: 'eu-west-1', images: [{ name: 'lan-eu-image', versions: 1 }] });
    loopback.seed({ images: [{ name: 'loopback-image', versions: 1 }] });
    api = await activateExtension();
  });

  after(async () => {
    await resetSettings('endpoint', 'region');
    await api.settled();
    await Promise.all([lan.stop(), loopback.stop()]);
    api.tree.refresh();
  });

  const warnings = (about: string) => api.recentLog().filter((l) => l.startsWith('warn ') && l.includes(about));
  const roots = async () => (await api.tree.getChildren()).map((n: Node) => labelOf(api, n));

  it('warns once naming the host, across refreshes and region changes; loopback stays silent', async () => {
    await useEndpoint(lan.url);
    await api.settled();
    await waitFor(() => api.session.settings.endpoint === lan.url, 'the LAN endpoint to be applied');
    api.tree.refresh();
    assert.deepEqual(await roots(), ['lan-image']);
    assert.ok(lan.calls('ListImages').length >= 1, 'the tree listed through the LAN endpoint');
    await waitFor(() => warnings(lan.url).length > 0, 'the warning');
    const [line] = warnings(lan.url);
    assert.match(line, new RegExp(`uses plain http to ${host!.replace(/\./g, '\\.')}, which is not a loopback address`));

    // New clients for the same endpoint (another region; the cache emptied): no second warning.
    await setSetting('region', 'eu-west-1');
    await api.settled();
    await waitFor(() => api.session.settings.region === 'eu-west-1', 'the region change');
    api.tree.refresh();
    assert.deepEqual(await roots(), ['lan-eu-image']);
    await setSetting('region', undefined);
    await api.settled();
    api.tree.refresh();
    assert.deepEqual(await roots(), ['lan-image']);
    assert.equal(warnings(lan.url).length, 1, warnings(lan.url).join('\n'));

    // Loopback: the tree lists, nothing is said.
    await setSetting('endpoint', loopback.url);
    await api.settled();
    await waitFor(() => api.session.settings.endpoint === loopback.url, 'the loopback endpoint to be applied');
    api.tree.refresh();
    assert.deepEqual(await roots(), ['loopback-image']);
    assert.deepEqual(warnings('uses plain http').filter((l) => !l.includes(lan.url)), []);
  });
});
