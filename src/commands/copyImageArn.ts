import * as vscode from 'vscode';
import { parseArn } from './model/arns';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { copyArns } from './copyArns';
import { pickImage } from './pickers';
import { readArgument, selectedNodes } from './targets';

/**
 * Copy Image ARN: the clicked image or the selected images (one per line); from the palette it
 * asks. Given an ARN (a hover link), it copies the ARN SageMaker answers for that image, never
 * the argument's text.
 */
export async function copyImageArn(ctx: CommandContext, clicked?: Node | string, selected?: readonly Node[]): Promise<string | undefined> {
  const title = vscode.l10n.t('Copy Image ARN');
  const argument = selected === undefined ? readArgument(ctx, clicked) : undefined;
  if (argument?.kind === 'ref') {
    const { ref, account } = argument;
    const answered = (await ctx.session.call('describeImage', { imageName: ref.imageName }, { region: ref.region })).imageArn;
    if (!sameResource(answered, account)) return undefined;
    return copyArns([answered], 'image');
  }
  const images = selectedNodes(ctx, 'image', title, clicked, selected);
  if (!images) return undefined;
  if (images.length > 0)
    return copyArns(
      images.map((n) => n.image.imageArn),
      'image',
    );
  const picked = await pickImage(ctx, title);
  return picked && copyArns([picked.imageArn], 'image');
}

/**
 * The service answers for the profile's account: a same-named image of another account is not the
 * one the ARN names, so nothing is copied (the user is told which accounts differ).
 */
export function sameResource(answeredArn: string, wantedAccount: string | undefined): boolean {
  const answered = parseArn(answeredArn);
  if (!answered) {
    // Even the service's answer is outside text: only a well-formed ARN goes to the clipboard.
    void vscode.window.showErrorMessage(vscode.l10n.t('SageMaker answered with something that is not a valid ARN; nothing was copied.'));
    return false;
  }
  const answeredAccount = answered.account;
  if (wantedAccount === undefined || answeredAccount === wantedAccount) return true;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'The ARN names account {0}, but this profile reads account {1}; nothing was copied. Select a profile for account {0}.',
      wantedAccount,
      answeredAccount ?? '?',
    ),
  );
  return false;
}
