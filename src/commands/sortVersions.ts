import * as vscode from 'vscode';
import { SORT_SETTINGS } from '../model/settingsController';
import { SORT_CHOICES } from '../model/versionQuery';
import type { CommandContext } from './context';

type SortChoice = (typeof SORT_CHOICES)[number];

/**
 * Sort Versions…: six server-side sorts, the current one marked. The choice is stored in the
 * user settings (sagemakerImages.versions.sortBy / sortOrder); the settings controller reloads
 * every expanded image from page 1 once both are written, so the order always comes from the
 * service. Resolves once the new sort is in force.
 *
 * `arg` skips the pick (keybindings, tests): `{ sortBy, sortOrder }`, one of the six sorts. A
 * command link can pass any JSON, so anything else is refused and changes nothing.
 */
export async function sortVersions(ctx: CommandContext, arg?: unknown): Promise<void> {
  const current = ctx.query.versionQuery;
  let choice: Pick<SortChoice, 'sortBy' | 'sortOrder'> | undefined;
  if (arg !== undefined) {
    choice = sortChoiceOf(arg);
    if (!choice) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Sort Versions takes a sortBy and sortOrder pair, one of its six sorts; it was given something else, and did nothing.',
        ),
      );
      return;
    }
  } else {
    choice = await pickSort(current);
    if (!choice) return;
  }
  const { sortBy, sortOrder } = choice;
  if (sortBy === current.sortBy && sortOrder === current.sortOrder) return;
  await ctx.settings.write({ [SORT_SETTINGS.sortBy]: sortBy, [SORT_SETTINGS.sortOrder]: sortOrder });
  await ctx.settled();
}

/** The sort `arg` names, if it is exactly one of SORT_CHOICES. */
function sortChoiceOf(arg: unknown): SortChoice | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { sortBy, sortOrder } = arg as { sortBy?: unknown; sortOrder?: unknown };
  return SORT_CHOICES.find((c) => c.sortBy === sortBy && c.sortOrder === sortOrder);
}

async function pickSort(current: Pick<SortChoice, 'sortBy' | 'sortOrder'>): Promise<SortChoice | undefined> {
  const items = SORT_CHOICES.map((choice) => {
    const active = choice.sortBy === current.sortBy && choice.sortOrder === current.sortOrder;
    return {
      label: `${active ? '$(check) ' : ''}${choice.label()}`,
      description: active ? vscode.l10n.t('current') : undefined,
      choice,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Sort Versions'),
    placeHolder: vscode.l10n.t('Order in which SageMaker returns each image’s versions'),
    activeItem: items.find((i) => i.description !== undefined),
  } as vscode.QuickPickOptions);
  return picked ? (picked as (typeof items)[number]).choice : undefined;
}
