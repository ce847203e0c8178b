import * as vscode from 'vscode';
import { imageConsoleUrl, imageVersionConsoleUrl } from '../aws/consoleLinks';
import type { CommandContext } from './context';
import { imageOrVersionTarget, isVersionRef } from './targets';

/** Open in AWS Console: the image's or version's page, on the console domain of its region's partition. */
export async function openInConsole(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const ref = await imageOrVersionTarget(ctx, arg, vscode.l10n.t('Open in AWS Console'));
  if (!ref) return undefined;
  const url = isVersionRef(ref) ? imageVersionConsoleUrl(ref.region, ref.imageName, ref.version) : imageConsoleUrl(ref.region, ref.imageName);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}
