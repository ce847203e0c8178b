import * as vscode from 'vscode';
import { plainText } from '../model/markdownText';
import type { CommandContext } from './context';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';

/** The status-bar item's click: offers both pickers. */
export async function chooseConnection(ctx: CommandContext): Promise<void> {
  const profile = vscode.l10n.t('Select AWS Profile…');
  const region = vscode.l10n.t('Select Region…');
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: `$(account) ${profile}`,
        description: ctx.session.settings.profile !== undefined ? plainText(ctx.session.settings.profile) : vscode.l10n.t('default chain'),
        action: 'profile' as const,
      },
      { label: `$(globe) ${region}`, description: plainText(await ctx.session.region().catch(() => '')), action: 'region' as const },
    ],
    { title: vscode.l10n.t('SageMaker Images: where to look') },
  );
  if (picked?.action === 'profile') await selectProfile(ctx);
  if (picked?.action === 'region') await selectRegion(ctx);
}
