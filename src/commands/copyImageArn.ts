import * as vscode from 'vscode';
import { parseImageArn } from '../aws/arns';
import type { ImageNode, Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { copyArns } from './copyArns';
import { pickImage } from './copyVersionArn';

/** Copy Image ARN: the clicked image or the selected images (one per line); from the palette it asks. */
export async function copyImageArn(ctx: CommandContext, clicked?: Node | string, selected?: readonly Node[]): Promise<string | undefined> {
  // An ARN from a hover link.
  if (typeof clicked === 'string') return parseImageArn(clicked) ? copyArns([clicked.trim()], 'image') : undefined;
  const candidates = selected && selected.length > 0 ? selected : clicked ? [clicked] : ctx.view.selection;
  let images = candidates.filter((n): n is ImageNode => n.kind === 'image');
  let arns: string[];
  if (images.length > 0) {
    images = ctx.tree.orderInTree(images);
    arns = images.map((n) => n.image.imageArn);
  } else {
    const picked = await pickImage(ctx, vscode.l10n.t('Copy Image ARN'));
    if (!picked) return undefined;
    arns = [picked.imageArn];
  }
  return copyArns(arns, 'image');
}
