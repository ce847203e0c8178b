/**
 * What a command acts on: the clicked row, the selection, a reference passed by a tooltip or
 * hover link, or (from the palette) what the user picks. One place so every command reads its
 * arguments the same way.
 */
import * as vscode from 'vscode';
import { parseArn } from '../aws/arns';
import { isKnownRegion } from '../aws/regions';
import type { ImageRef, VersionRef } from '../model/detailsStore';
import type { ImageNode, Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { pickImage, pickVersion, regionOf } from './pickers';

const NODE_KINDS: ReadonlySet<unknown> = new Set<Node['kind']>(['region', 'image', 'version', 'loadMore', 'message', 'error']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && NODE_KINDS.has((value as { kind?: unknown }).kind);
}

/** A reference from a command link: `{region, imageName, version?}` or an ARN string. */
function refFromArgument(value: unknown): ImageRef | VersionRef | undefined {
  if (typeof value === 'string') {
    const parsed = parseArn(value);
    if (parsed && !isKnownRegion(parsed.region)) return undefined;
    return parsed && (parsed.kind === 'imageVersion' ? { region: parsed.region, imageName: parsed.imageName, version: parsed.version } : { region: parsed.region, imageName: parsed.imageName });
  }
  if (typeof value !== 'object' || value === null || isNode(value)) return undefined;
  const { region, imageName, version } = value as Partial<VersionRef>;
  if (typeof region !== 'string' || !isKnownRegion(region) || typeof imageName !== 'string') return undefined;
  return typeof version === 'number' && Number.isSafeInteger(version) ? { region, imageName, version } : { region, imageName };
}

export function isVersionRef(ref: ImageRef | VersionRef | undefined): ref is VersionRef {
  return ref !== undefined && typeof (ref as VersionRef).version === 'number';
}

/**
 * The rows of one kind among what a tree command was given, in tree order: the multi-selection
 * VS Code passes, else the clicked row, else the view's selection.
 */
export function selectedNodes<K extends 'image' | 'version'>(ctx: CommandContext, kind: K, clicked?: unknown, selected?: unknown): Extract<Node, { kind: K }>[] {
  const fromSelection = Array.isArray(selected) && selected.length > 0 ? (selected as Node[]) : undefined;
  const nodes = fromSelection ?? (isNode(clicked) ? [clicked] : [...ctx.view.selection]);
  return ctx.tree.orderInTree(nodes.filter((n): n is Extract<Node, { kind: K }> => n.kind === kind));
}

function imageRefOf(node: ImageNode): ImageRef {
  return { region: node.branch.resolvedRegion, imageName: node.image.imageName };
}

/** An image or a version: the argument, else the focused row, else asks for an image. */
export async function imageOrVersionTarget(ctx: CommandContext, arg: unknown, title: string): Promise<ImageRef | VersionRef | undefined> {
  const fromArgument = refFromArgument(arg);
  if (fromArgument) return fromArgument;
  const node = isNode(arg) ? arg : ctx.view.selection[0];
  if (node?.kind === 'version') return ctx.tree.refOf(node);
  if (node?.kind === 'image') return imageRefOf(node);
  const image = await pickImage(ctx, title);
  return image && { region: await regionOf(ctx, image), imageName: image.imageName };
}

/** A version: the argument, else the focused version row, else asks for an image and a version. */
export async function versionTarget(ctx: CommandContext, arg: unknown, title: string): Promise<VersionRef | undefined> {
  const fromArgument = refFromArgument(arg);
  if (isVersionRef(fromArgument)) return fromArgument;
  const node = isNode(arg) ? arg : ctx.view.selection[0];
  if (node?.kind === 'version') return ctx.tree.refOf(node);
  const picked = await pickVersion(ctx, title);
  return picked && { region: await regionOf(ctx, picked.image), imageName: picked.image.imageName, version: picked.version.version };
}

/** An image: the argument (an image row or a version's image), else the focused row, else asks. */
export async function imageTarget(ctx: CommandContext, arg: unknown, title: string): Promise<ImageRef | undefined> {
  const fromArgument = refFromArgument(arg);
  if (fromArgument) return { region: fromArgument.region, imageName: fromArgument.imageName };
  const node = isNode(arg) ? arg : ctx.view.selection[0];
  if (node?.kind === 'image') return imageRefOf(node);
  if (node?.kind === 'version') return imageRefOf(node.parent);
  const image = await pickImage(ctx, title);
  return image && { region: await regionOf(ctx, image), imageName: image.imageName };
}

/** Says what failed, in a notification with Show Log. */
export function reportFailure(what: string, error: unknown, message: (e: unknown) => string): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', what, message(error)), vscode.l10n.t('Show Log')).then((pick) => {
    if (pick) void vscode.commands.executeCommand('sagemakerImages.showLog');
  });
}
