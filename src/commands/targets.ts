/**
 * What a command acts on: the clicked row, the selection, a reference passed by a tooltip or
 * hover link, or (from the palette) what the user picks. One place so every command reads its
 * arguments the same way, and refuses the same way what the extension did not produce (a command
 * link in a hover or a file can pass any JSON: issue 13).
 */
import * as vscode from 'vscode';
import { parseArn } from './model/arns';
import { isKnownRegion } from '../model/regions';
import type { ImageRef, VersionRef } from '../tree/model/detailsStore';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import { pickImage, pickVersion, regionOf } from './pickers';

/** The model's ImageName pattern (1–63 characters); linear: each repetition takes at least one fixed character. */
const IMAGE_NAME = /^[a-zA-Z0-9](?:[-.]?[a-zA-Z0-9]){0,62}$/;
/** Longer than any image or image-version ARN the model allows (256): refused before parsing. */
const MAX_ARN_LENGTH = 256;

/**
 * What a command was given. Only two things are accepted: a node the tree handed out (the very
 * object; a look-alike from a command link is not one), or a reference (an ARN string or
 * `{region, imageName, version?}`) that passes the model's patterns and a region SageMaker serves,
 * which commands resolve again through the service: its content is never trusted.
 */
export type CommandArgument =
  | { readonly kind: 'none' }
  | { readonly kind: 'node'; readonly node: Node }
  | { readonly kind: 'ref'; readonly ref: ImageRef | VersionRef; readonly account?: string }
  | { readonly kind: 'refused' };

export function readArgument(ctx: CommandContext, value: unknown): CommandArgument {
  if (value === undefined || value === null) return { kind: 'none' };
  if (ctx.tree.holds(value)) return { kind: 'node', node: value };
  if (typeof value === 'string') {
    if (value.length > MAX_ARN_LENGTH + 64) return { kind: 'refused' };
    const parsed = parseArn(value);
    if (!parsed || !isKnownRegion(parsed.region)) return { kind: 'refused' };
    const ref =
      parsed.kind === 'imageVersion'
        ? { region: parsed.region, imageName: parsed.imageName, version: parsed.version }
        : { region: parsed.region, imageName: parsed.imageName };
    return { kind: 'ref', ref, account: parsed.account };
  }
  if (typeof value !== 'object' || Array.isArray(value)) return { kind: 'refused' };
  // Exactly the members a tooltip link carries: anything else (a `kind`, an `image`…) is a forged node.
  const record = value as Record<string, unknown>;
  if (Object.keys(record).some((k) => k !== 'region' && k !== 'imageName' && k !== 'version')) return { kind: 'refused' };
  const { region, imageName, version } = record;
  if (typeof region !== 'string' || !isKnownRegion(region)) return { kind: 'refused' };
  if (typeof imageName !== 'string' || imageName.length > 63 || !IMAGE_NAME.test(imageName)) return { kind: 'refused' };
  if (version === undefined) return { kind: 'ref', ref: { region, imageName } };
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return { kind: 'refused' };
  return { kind: 'ref', ref: { region, imageName, version } };
}

/** Says that the argument was refused; nothing was done. */
export function refuseArgument(title: string): void {
  void vscode.window.showErrorMessage(
    vscode.l10n.t(
      '{0}: refused what the command was given. It accepts a row of the SageMaker Images view or a valid image or image version ARN; nothing was done.',
      title,
    ),
  );
}

export function isVersionRef(ref: ImageRef | VersionRef | undefined): ref is VersionRef {
  return ref !== undefined && typeof (ref as VersionRef).version === 'number';
}

/**
 * The rows of one kind among what a tree command was given, in tree order: the multi-selection
 * VS Code passes, else the clicked row, else the view's selection. Undefined (after saying so)
 * when any of it is not a row the tree handed out.
 */
export function selectedNodes<K extends 'image' | 'version'>(
  ctx: CommandContext,
  kind: K,
  title: string,
  clicked?: unknown,
  selected?: unknown,
): Extract<Node, { kind: K }>[] | undefined {
  let nodes: readonly Node[];
  if (Array.isArray(selected) && selected.length > 0) {
    if (!selected.every((n) => ctx.tree.holds(n)) || (clicked !== undefined && !ctx.tree.holds(clicked))) {
      refuseArgument(title);
      return undefined;
    }
    nodes = selected as Node[];
  } else if (selected !== undefined && !Array.isArray(selected)) {
    refuseArgument(title);
    return undefined;
  } else {
    const argument = readArgument(ctx, clicked);
    if (argument.kind === 'refused' || argument.kind === 'ref') {
      refuseArgument(title);
      return undefined;
    }
    nodes = argument.kind === 'node' ? [argument.node] : ctx.view.selection;
  }
  return ctx.tree.orderInTree(nodes.filter((n): n is Extract<Node, { kind: K }> => n.kind === kind));
}

/** The node the argument names, else the focused row; undefined (after saying so) when refused. */
function nodeOrRef(ctx: CommandContext, arg: unknown, title: string): { node?: Node; ref?: ImageRef | VersionRef } | undefined {
  const argument = readArgument(ctx, arg);
  switch (argument.kind) {
    case 'refused':
      refuseArgument(title);
      return undefined;
    case 'ref':
      return { ref: argument.ref };
    case 'node':
      return { node: argument.node };
    case 'none':
      return { node: ctx.view.selection[0] };
  }
}

/** An image or a version: the argument, else the focused row, else asks for an image. */
export async function imageOrVersionTarget(ctx: CommandContext, arg: unknown, title: string): Promise<ImageRef | VersionRef | undefined> {
  const given = nodeOrRef(ctx, arg, title);
  if (!given) return undefined;
  if (given.ref) return given.ref;
  const node = given.node;
  if (node?.kind === 'version') return ctx.tree.refOf(node);
  if (node?.kind === 'image') return ctx.tree.imageRefOf(node);
  const image = await pickImage(ctx, title);
  return image && { region: await regionOf(ctx, image), imageName: image.imageName };
}

/** A version: the argument, else the focused version row, else asks for an image and a version. */
export async function versionTarget(ctx: CommandContext, arg: unknown, title: string): Promise<VersionRef | undefined> {
  const given = nodeOrRef(ctx, arg, title);
  if (!given) return undefined;
  if (isVersionRef(given.ref)) return given.ref;
  const node = given.ref ? undefined : given.node;
  if (node?.kind === 'version') return ctx.tree.refOf(node);
  const picked = await pickVersion(ctx, title);
  return picked && { region: await regionOf(ctx, picked.image), imageName: picked.image.imageName, version: picked.version.version };
}

/** An image: the argument (an image row or a version's image), else the focused row, else asks. */
export async function imageTarget(ctx: CommandContext, arg: unknown, title: string): Promise<ImageRef | undefined> {
  const given = nodeOrRef(ctx, arg, title);
  if (!given) return undefined;
  if (given.ref) return { region: given.ref.region, imageName: given.ref.imageName };
  const node = given.node;
  if (node?.kind === 'image') return ctx.tree.imageRefOf(node);
  if (node?.kind === 'version') return ctx.tree.imageRefOf(node.parent);
  const image = await pickImage(ctx, title);
  return image && { region: await regionOf(ctx, image), imageName: image.imageName };
}
