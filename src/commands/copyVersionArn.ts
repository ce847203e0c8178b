import * as vscode from 'vscode';
import { parseImageVersionArn } from '../aws/arns';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { copyArns } from './copyArns';
import { pickVersion } from './pickers';
import { selectedNodes } from './targets';

/**
 * Copy Version ARN: the clicked row, or every selected version (one ARN per line, in tree order).
 * From the palette with no version selected it asks for an image, then a version.
 */
export async function copyVersionArn(ctx: CommandContext, clicked?: Node | string, selected?: readonly Node[]): Promise<string | undefined> {
  // An ARN from a hover link.
  if (typeof clicked === 'string') return parseImageVersionArn(clicked) ? copyArns([clicked.trim()], 'version') : undefined;
  const versions = selectedNodes(ctx, 'version', clicked, selected);
  if (versions.length > 0) return copyArns(versions.map((v) => v.version.imageVersionArn), 'version');
  const picked = await pickVersion(ctx, vscode.l10n.t('Copy Version ARN'));
  return picked && copyArns([picked.version.imageVersionArn], 'version');
}
