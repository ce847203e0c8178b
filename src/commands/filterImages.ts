import * as vscode from 'vscode';
import { isNameFilter } from '../requests/listRequests';
import type { CommandContext } from './context';

/** Filter Images by Name…: ListImages NameContains; an empty input clears it. */
export async function filterImages(ctx: CommandContext): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Images by Name'),
    prompt: vscode.l10n.t('Show images whose name contains this text. Empty shows all images.'),
    value: ctx.query.nameContains ?? '',
    validateInput: (text) =>
      isNameFilter(text.trim()) ? undefined : vscode.l10n.t('Image names hold only letters, digits, hyphens and dots (at most 63).'),
  });
  if (value === undefined) return;
  const text = value.trim();
  if (!isNameFilter(text) || (text || undefined) === ctx.query.nameContains) return;
  await ctx.query.setNameContains(text);
  ctx.onQueryChanged('images');
}
