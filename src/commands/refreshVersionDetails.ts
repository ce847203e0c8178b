import * as vscode from 'vscode';
import type { CommandContext } from './context';

/** Refresh Version Details: asks SageMaker again for the version shown in the active (or given) details document. */
export function refreshVersionDetails(ctx: CommandContext, uri?: unknown): void {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target || !ctx.documents.refOf(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a version details document first (Show Version Details).'));
    return;
  }
  ctx.documents.refresh(target);
}
