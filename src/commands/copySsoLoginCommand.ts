/**
 * Copies the exact `aws sso login --profile X` for the profile whose SSO session has lapsed, quoted
 * so that pasting it runs that command and nothing else (src/model/shellQuote.ts). A profile name that
 * cannot be quoted safely is refused with a message and nothing is copied.
 */
import * as vscode from 'vscode';
import { isAwsError } from '../model/errors';
import { ssoLoginCommand } from '../model/shellQuote';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { plainText } from '../model/markdownText';
import { profileName } from '../model/settings';

/** Copies the SSO login command for the node's profile (or the one in use); returns what was copied. */
export async function copySsoLoginCommand(ctx: CommandContext, node?: Node): Promise<string | undefined> {
  const fromNode = node?.kind === 'error' && isAwsError(node.error) ? node.error.details.ssoLoginProfile : undefined;
  const profile = fromNode ?? profileName(ctx.session.settings.profile);
  const built = ssoLoginCommand(profile);
  if (!built.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was copied. {0}', plainText(built.message)));
    return undefined;
  }
  await vscode.env.clipboard.writeText(built.command);
  vscode.window.setStatusBarMessage(
    vscode.l10n.t('$(copy) Copied {0}: run it in a terminal, then click the error to retry', plainText(built.command)),
    6000,
  );
  return built.command;
}
