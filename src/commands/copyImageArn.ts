import * as vscode from 'vscode';
import { parseImageArn } from '../aws/arns';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { copyArns } from './copyArns';
import { pickImage } from './pickers';
import { selectedNodes } from './targets';

/** Copy Image ARN: the clicked image or the selected images (one per line); from the palette it asks. */
export async function copyImageArn(ctx: CommandContext, clicked?: Node | string, selected?: readonly Node[]): Promise<string | undefined> {
  // An ARN from a hover link.
  if (typeof clicked === 'string') return parseImageArn(clicked) ? copyArns([clicked.trim()], 'image') : undefined;
  const images = selectedNodes(ctx, 'image', clicked, selected);
  if (images.length > 0) return copyArns(images.map((n) => n.image.imageArn), 'image');
  const picked = await pickImage(ctx, vscode.l10n.t('Copy Image ARN'));
  return picked && copyArns([picked.imageArn], 'image');
}
