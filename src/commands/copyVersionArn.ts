import * as vscode from 'vscode';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { copyArns } from './copyArns';
import { sameResource } from './copyImageArn';
import { pickVersion } from './pickers';
import { isVersionRef, readArgument, refuseArgument, selectedNodes } from './targets';

/**
 * Copy Version ARN: the clicked row, or every selected version (one ARN per line, in tree order).
 * From the palette with no version selected it asks for an image, then a version. Given an ARN
 * (a hover link), it copies the ARN SageMaker answers for that version, never the argument's text.
 */
export async function copyVersionArn(
  ctx: CommandContext,
  clicked?: Node | string,
  selected?: readonly Node[],
): Promise<string | undefined> {
  const title = vscode.l10n.t('Copy Version ARN');
  const argument = selected === undefined ? readArgument(ctx, clicked) : undefined;
  if (argument?.kind === 'ref') {
    const { ref, account } = argument;
    if (!isVersionRef(ref)) {
      refuseArgument(title);
      return undefined;
    }
    const answered = (
      await ctx.session.call('describeImageVersion', { imageName: ref.imageName, version: ref.version }, { region: ref.region })
    ).imageVersionArn;
    if (!sameResource(answered, account)) return undefined;
    return copyArns([answered], 'version');
  }
  const versions = selectedNodes(ctx, 'version', title, clicked, selected);
  if (!versions) return undefined;
  if (versions.length > 0)
    return copyArns(
      versions.map((v) => v.version.imageVersionArn),
      'version',
    );
  const picked = await pickVersion(ctx, title);
  return picked && copyArns([picked.version.imageVersionArn], 'version');
}
