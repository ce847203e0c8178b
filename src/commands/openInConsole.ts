import * as vscode from 'vscode';
import { imageConsoleUrl, imageVersionConsoleUrl } from './model/consoleLinks';
import type { CommandContext } from './context';
import { imageOrVersionTarget, isVersionRef } from './targets';
import { plainText } from '../model/markdownText';

/** Open in AWS Console: the image's or version's page, on the console domain of its region's partition. */
export async function openInConsole(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const ref = await imageOrVersionTarget(ctx, arg, vscode.l10n.t('Open in AWS Console'));
  if (!ref) return undefined;
  const url = isVersionRef(ref)
    ? imageVersionConsoleUrl(ref.region, ref.imageName, ref.version)
    : imageConsoleUrl(ref.region, ref.imageName);
  // Not awaited: VS Code may first ask whether to open the site, and the command is done either way.
  vscode.env.openExternal(vscode.Uri.parse(url, true)).then(undefined, (e: unknown) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', url, plainText(String(e))));
  });
  return url;
}
