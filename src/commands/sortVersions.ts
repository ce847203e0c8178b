import * as vscode from 'vscode';
import { SORT_CHOICES } from '../model/versionQuery';
import type { CommandContext } from './context';

/**
 * Sort Versions…: six server-side sorts, the current one marked. The choice is stored in the
 * user settings (sagemakerImages.versions.sortBy / sortOrder); the settings listener reloads
 * every expanded image from page 1, so the order always comes from the service.
 */
export async function sortVersions(ctx: CommandContext): Promise<void> {
  const current = ctx.query.versionQuery;
  const items = SORT_CHOICES.map((choice) => {
    const active = choice.sortBy === current.sortBy && choice.sortOrder === current.sortOrder;
    return {
      label: `${active ? '$(check) ' : ''}${vscode.l10n.t(choice.label)}`,
      description: active ? vscode.l10n.t('current') : undefined,
      choice,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Sort Versions'),
    placeHolder: vscode.l10n.t('Order in which SageMaker returns each image’s versions'),
    activeItem: items.find((i) => i.description !== undefined),
  } as vscode.QuickPickOptions);
  if (!picked) return;
  const { sortBy, sortOrder } = (picked as (typeof items)[number]).choice;
  if (sortBy === current.sortBy && sortOrder === current.sortOrder) return;
  await ctx.query.setSort(sortBy, sortOrder);
  ctx.onQueryChanged('versions');
}
