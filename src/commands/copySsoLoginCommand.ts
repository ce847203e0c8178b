import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';

/** Copies the exact `aws sso login --profile X` for the profile whose SSO session has lapsed. */
export async function copySsoLoginCommand(ctx: CommandContext, node?: Node): Promise<string | undefined> {
  const fromNode = node?.kind === 'error' && isAwsError(node.error) ? node.error.details.ssoLoginProfile : undefined;
  const profile = fromNode ?? ctx.session.settings.profile ?? process.env.AWS_PROFILE ?? 'default';
  const command = `aws sso login --profile ${profile}`;
  await vscode.env.clipboard.writeText(command);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}: run it in a terminal, then click the error to retry', command), 6000);
  return command;
}
