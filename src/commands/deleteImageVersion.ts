/**
 * Delete Image Version…: one modal naming the image, each version and its aliases, and where
 * (account, region, profile); a multi-selection is one modal for all of them. Each version then
 * shows DELETING in the tree and leaves it when the service says it is gone.
 */
import * as vscode from 'vscode';
import type { VersionRef } from '../model/types';
import type { CommandContext } from './context';
import { selectedNodes, versionTarget } from './targets';
import { usageWarning } from './usageSupport';
import { confirmWrite, followVersion, regionOrSession, whereText } from './writeSupport';

export async function deleteImageVersion(ctx: CommandContext, clicked?: unknown, selected?: unknown): Promise<VersionRef[] | undefined> {
  const title = vscode.l10n.t('Delete Image Version…');
  const refs = await targets(ctx, title, clicked, selected);
  if (!refs || refs.length === 0) return undefined;
  const described = await Promise.all(
    refs.map(async (ref) => {
      ctx.tree.details.forget(ref);
      return { ref, ...(await ctx.tree.details.version(ref)) };
    }),
  );
  const lines = described.map(({ ref, aliases }) =>
    aliases.length > 0
      ? vscode.l10n.t('{0} version {1} (aliases: {2})', ref.imageName, ref.version, aliases.join(', '))
      : vscode.l10n.t('{0} version {1} (no aliases)', ref.imageName, ref.version),
  );
  // Who still pins them (scanning first when nothing is cached; cancelling the scan cancels the delete).
  const warnings: string[] = [];
  const groups = new Map<string, VersionRef[]>();
  for (const ref of refs) {
    const key = JSON.stringify([ref.region, ref.imageName]);
    groups.set(key, [...(groups.get(key) ?? []), ref]);
  }
  for (const group of groups.values()) {
    const warning = await usageWarning(
      ctx,
      group[0].region,
      group[0].imageName,
      group.map((r) => r.version),
    );
    if (!warning) return undefined;
    warnings.push(...warning.lines);
  }
  const regions = [...new Set(refs.map((r) => r.region))];
  const where = regions
    .map((region) => whereText(ctx, region, described.find((d) => d.ref.region === region)?.details.imageVersionArn))
    .join('\n');
  const message =
    refs.length === 1
      ? vscode.l10n.t('Delete version {0} of image {1}?', refs[0].version, refs[0].imageName)
      : vscode.l10n.t('Delete {0} image versions?', refs.length);
  const confirmed = await confirmWrite(
    message,
    [...lines, ...(warnings.length ? ['', ...warnings] : []), '', where, '', vscode.l10n.t('This cannot be undone.')].join('\n'),
    refs.length === 1 ? vscode.l10n.t('Delete Version') : vscode.l10n.t('Delete {0} Versions', refs.length),
  );
  if (!confirmed) return undefined;
  const deleted: VersionRef[] = [];
  for (const ref of refs) {
    await ctx.session.call('deleteImageVersion', { imageName: ref.imageName, version: ref.version }, { region: ref.region });
    deleted.push(ref);
    void followVersion(ctx, ref, 'delete');
  }
  return deleted;
}

/** The selected version rows (in tree order), else the argument or the palette's pick. */
async function targets(ctx: CommandContext, title: string, clicked: unknown, selected: unknown): Promise<VersionRef[] | undefined> {
  if (Array.isArray(selected) && selected.length > 0) {
    const nodes = selectedNodes(ctx, 'version', title, clicked, selected);
    if (!nodes) return undefined;
    return Promise.all(
      nodes.map(async (n) => {
        const ref = ctx.tree.refOf(n);
        return { ...ref, region: await regionOrSession(ctx, ref.region) };
      }),
    );
  }
  const one = await versionTarget(ctx, clicked, title);
  return one && [{ ...one, region: await regionOrSession(ctx, one.region) }];
}
