/**
 * Remove Alias…: UpdateImageVersion with AliasesToDelete, for aliases picked from the version's
 * own (ListAliases, fresh), after a confirmation naming the version and where it is.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { versionTarget } from './targets';
import { confirmWrite, regionOrSession, whereText } from './writeSupport';

export async function removeAlias(ctx: CommandContext, arg?: unknown): Promise<string[] | undefined> {
  const title = vscode.l10n.t('Remove Alias…');
  const target = await versionTarget(ctx, arg, title);
  if (!target) return undefined;
  const ref = { ...target, region: await regionOrSession(ctx, target.region) };
  ctx.tree.details.forget(ref);
  const { details, aliases } = await ctx.tree.details.version(ref);
  if (aliases.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} of {1} has no aliases.', ref.version, ref.imageName));
    return undefined;
  }
  const picked =
    aliases.length === 1
      ? [aliases[0]]
      : (
          await vscode.window.showQuickPick(
            aliases.map((label) => ({ label })),
            { title, canPickMany: true, placeHolder: vscode.l10n.t('Aliases of version {0} of {1} to remove', ref.version, ref.imageName) },
          )
        )?.map((i) => i.label);
  if (!picked || picked.length === 0) return undefined;
  const confirmed = await confirmWrite(
    vscode.l10n.t('Remove {0} from version {1} of {2}?', picked.join(', '), ref.version, ref.imageName),
    whereText(ctx, ref.region, details.imageVersionArn),
    vscode.l10n.t('Remove Alias'),
  );
  if (!confirmed) return undefined;
  await ctx.session.call(
    'updateImageVersion',
    { imageName: ref.imageName, version: ref.version, aliasesToDelete: picked },
    { region: ref.region },
  );
  ctx.tree.refreshVersionRow(ref);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Removed {0} from version {1} of {2}.', picked.join(', '), ref.version, ref.imageName),
  );
  return picked;
}
