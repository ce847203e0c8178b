/** Shared pieces of the integration suite: the extension's API, settings, and waiting for the tree. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ImageNode, LoadMoreNode, Node, RegionNode } from '../../src/tree/nodes';
import type { VersionQuery } from '../../src/model/versionQuery';

export const EXTENSION_ID = 'sagemaker-image-versions.sagemaker-image-versions';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  assert.ok(ext.isActive);
  return api;
}

/** Sets a user-level setting and waits until the extension has seen it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sagemakerImages').update(key, value, vscode.ConfigurationTarget.Global);
  const expected = JSON.stringify(value);
  await waitFor(
    () => value === undefined || JSON.stringify(vscode.workspace.getConfiguration('sagemakerImages').get(key)) === expected,
    `setting ${key}`,
  );
}

// A deadline, not a delay: generous so that a machine busy with other work fails nothing that would pass idle.
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function labelOf(api: ExtensionApi, node: Node): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** Sort Versions… without its pick: resolves once the versions are reloaded in the new order. */
export async function sortVersions(sortBy: VersionQuery['sortBy'], sortOrder: VersionQuery['sortOrder']): Promise<void> {
  await vscode.commands.executeCommand('sagemakerImages.sortVersions', { sortBy, sortOrder });
}

/** Points the extension at an emulator (and optionally a page size) for a suite. */
export async function useEndpoint(url: string, pageSize?: number): Promise<void> {
  await setSetting('endpoint', url);
  if (pageSize !== undefined) await setSetting('pageSize', pageSize);
}

/** Puts the settings a suite changed back to their defaults. */
export async function resetSettings(...keys: string[]): Promise<void> {
  for (const key of keys) await setSetting(key, undefined);
}

/** The emulator surface the counting helpers need (structural: the suites own their emulators). */
interface Quietable {
  waitForQuiet(options?: { settleMs?: number; timeoutMs?: number }): Promise<number>;
  clearRequests(): void;
}

/**
 * Waits until the emulator is quiet: nothing in flight and no request for a settle window, polled.
 * Every counting assertion runs after it, so work a busy machine delayed (a page, a live-status
 * poll, a tooltip) has landed and is either counted or, with startCounting, excluded.
 */
export function settled(emulator: Quietable): Promise<number> {
  return emulator.waitForQuiet({ settleMs: 250, timeoutMs: 30_000 });
}

/** Waits for quiet, then clears the request log: what is counted next is only the next action's. */
export async function startCounting(emulator: Quietable): Promise<void> {
  await settled(emulator);
  emulator.clearRequests();
}

/** The image's row, loading image pages (Load more…) under `parent` (the roots, or a region) until it is listed. */
export async function findImage(api: ExtensionApi, name: string, parent?: RegionNode): Promise<ImageNode> {
  const isIt = (n: Node): n is ImageNode => n.kind === 'image' && n.image.imageName === name;
  let nodes = await api.tree.getChildren(parent);
  while (!nodes.some(isIt)) {
    const more = nodes.find((n): n is LoadMoreNode => n.kind === 'loadMore');
    assert.ok(more, `image ${name} not listed`);
    await vscode.commands.executeCommand('sagemakerImages.loadMore', more);
    nodes = await api.tree.getChildren(parent);
  }
  return nodes.find(isIt)!;
}

/** An image's rows after its "Used by" node (always first): its versions, Load more, a message or an error. */
export async function belowImage(api: ExtensionApi, image: ImageNode): Promise<Node[]> {
  const [usedBy, ...rest] = await api.tree.getChildren(image);
  assert.equal(usedBy?.kind, 'usedBy', 'an image’s first row is Used by');
  return rest;
}
