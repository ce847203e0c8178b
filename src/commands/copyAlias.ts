import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { versionTarget } from './targets';

/** Copy Alias: the version's alias (ListAliases with its Version); with several, asks which. */
export async function copyAlias(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const title = vscode.l10n.t('Copy Alias');
  const ref = await versionTarget(ctx, arg, title);
  if (!ref) return undefined;
  const { aliases } = await ctx.tree.details.version(ref);
  if (aliases.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} of {1} has no aliases.', ref.version, ref.imageName));
    return undefined;
  }
  const alias =
    aliases.length === 1
      ? aliases[0]
      : await vscode.window.showQuickPick([...aliases], {
          title,
          placeHolder: vscode.l10n.t('Aliases of version {0} of {1}', ref.version, ref.imageName),
        });
  if (!alias) return undefined;
  await vscode.env.clipboard.writeText(alias);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied alias {0}', alias), 4000);
  return alias;
}
