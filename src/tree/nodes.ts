/**
 * The tree's node kinds and how each becomes a TreeItem. Nodes are small records; the provider
 * decides which exist, these functions decide how they look. Ids are stable (image name, version
 * ARN) so expansion and selection survive a refresh. A node names the region part of the tree it
 * belongs to by a key (see RegionBranch.key), never by holding it: the provider looks it up.
 */
import * as vscode from 'vscode';
import type { AwsError } from '../model/errors';
import { errorMessage, isAwsError } from '../model/errors';
import { regionName } from '../model/regions';
import { ssoLoginCommand } from '../model/shellQuote';
import type { ImageSummary, ImageVersionSummary } from '../model/types';
import type { VersionDetails, VersionRef } from './model/detailsStore';
import { commandLink, mdCode, mdText } from '../model/markdownText';
import { statusIcon, statusKind } from './model/statuses';
import { commandIds, commandRecord } from '../model/commands';
import { formatLocal, formatRelative, formatUtc } from './model/timeFormat';

const CONTEXT = {
  region: 'sagemakerImages.region',
  image: 'sagemakerImages.image',
  /** A version row whose aliases are not known yet (nothing has described it): Remove Alias… is offered. */
  version: 'sagemakerImages.version',
  /** A version known (from its cached details) to hold aliases, or to hold none: Remove Alias… only on the first. */
  versionAliased: 'sagemakerImages.version.aliased',
  versionUnaliased: 'sagemakerImages.version.unaliased',
  loadMore: 'sagemakerImages.loadMore',
  message: 'sagemakerImages.message',
  error: 'sagemakerImages.error',
  usedBy: 'sagemakerImages.usedBy',
  usage: 'sagemakerImages.usage',
  /** An error an `aws sso login` fixes: offers to copy that command. */
  ssoLoginError: 'sagemakerImages.error.ssoLogin',
} as const;

/** A region's root when several regions are shown side by side. */
export interface RegionNode {
  readonly kind: 'region';
  readonly id: string;
  /** Also its branch's key (RegionBranch.key). */
  readonly region: string;
}

export interface ImageNode {
  readonly kind: 'image';
  readonly id: string;
  image: ImageSummary;
  readonly parent: RegionNode | undefined;
  /** The key of the region part of the tree this image was listed in (RegionBranch.key). */
  readonly branchKey: string;
  /**
   * The region it was listed in, once known ('' before): kept on the row itself, so a row still
   * selected after the region changed acts on its own region, not on the new branch's.
   */
  listedIn: string;
}

export interface VersionNode {
  readonly kind: 'version';
  readonly parent: ImageNode;
  readonly version: ImageVersionSummary;
}

/** The owner of a list: an image (its versions), a region (its images) or undefined (the roots). */
export type ListParent = ImageNode | RegionNode | undefined;

/** "Load more…": loads the next page of its parent's list (the roots when parent is undefined). */
export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly parent: ListParent;
  readonly loadedCount: number;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly parent: ListParent;
  readonly label: string;
  readonly tooltip?: string;
  readonly command?: vscode.Command;
}

export interface ErrorNode {
  readonly kind: 'error';
  readonly parent: ListParent;
  readonly error: unknown;
}

/** The lazy "Used by" row, first under an image: expanding it scans the region's Studio resources (imageUsage.ts). */
export interface UsedByNode {
  readonly kind: 'usedBy';
  readonly id: string;
  readonly parent: ImageNode;
}

/**
 * A row under "Used by" (usageRows.ts builds them from a scan): a domain, who holds the reference
 * (the domain's defaults, a user profile or a space), one reference (app type, version or
 * "latest"), or a note (partial, skipped, nothing found, failed).
 */
export interface UsageNode {
  readonly kind: 'usage';
  readonly id: string;
  readonly parent: UsedByNode | UsageNode;
  readonly role: 'domain' | 'owner' | 'reference' | 'note';
  readonly label: string;
  readonly description?: string;
  /** A codicon id. */
  readonly icon: string;
  readonly tooltip?: string;
  readonly children: readonly UsageNode[];
}

export type Node = RegionNode | ImageNode | VersionNode | LoadMoreNode | MessageNode | ErrorNode | UsedByNode | UsageNode;

/** The status's icon (model/statuses.ts); `ready`, if given, stands for CREATED. */
function statusThemeIcon(status: string, ready?: vscode.ThemeIcon): vscode.ThemeIcon {
  if (ready && statusKind(status) === 'ready') return ready;
  const icon = statusIcon(status);
  return new vscode.ThemeIcon(icon.id, icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color));
}

function parentId(parent: ListParent): string {
  return parent ? parent.id : 'root';
}

function timeLines(created: Date, modified: Date): string[] {
  return [
    `${vscode.l10n.t('Created')}: ${mdText(formatLocal(created))} · ${mdCode(formatUtc(created))}`,
    `${vscode.l10n.t('Modified')}: ${mdText(formatLocal(modified))} · ${mdCode(formatUtc(modified))}`,
  ];
}

/** What a lazily resolved tooltip adds: the fetched value, or why it could not be fetched. */
export type Resolved<T> = { readonly value: T } | { readonly error: unknown };

function aliasLine(aliases: readonly string[]): string {
  return `${vscode.l10n.t('Aliases')}: ${aliases.length ? aliases.map(mdCode).join(', ') : vscode.l10n.t('none')}`;
}

function errorLine(what: string, error: unknown): string {
  return `$(warning) ${mdText(vscode.l10n.t('Could not load {0}: {1} Refresh to try again.', what, errorMessage(error)))}`;
}

/** The image row; its tooltip is left to resolveTreeItem (see imageTooltip). */
function imageTreeItem(node: ImageNode): vscode.TreeItem {
  const i = node.image;
  const item = new vscode.TreeItem(i.imageName, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = CONTEXT.image;
  const parts = [i.displayName, i.imageStatus !== 'CREATED' ? i.imageStatus : undefined].filter((p): p is string => !!p);
  item.description = parts.join(' · ');
  item.iconPath = statusThemeIcon(i.imageStatus, new vscode.ThemeIcon('package'));
  item.accessibilityInformation = {
    label: vscode.l10n.t('Image {0}{1}, status {2}', i.imageName, i.displayName ? `, ${i.displayName}` : '', i.imageStatus),
  };
  return item;
}

/** The image's tooltip once hovered: the summary plus every alias of the image (one ListAliases). */
export function imageTooltip(node: ImageNode, aliases: Resolved<readonly string[]>): vscode.MarkdownString {
  const i = node.image;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${mdText(i.imageName)}**${i.displayName ? ` — ${mdText(i.displayName)}` : ''}\n\n`);
  if (i.description) md.appendMarkdown(`${mdText(i.description)}\n\n`);
  md.appendMarkdown(
    [
      `${vscode.l10n.t('Status')}: ${mdText(i.imageStatus)}`,
      `${vscode.l10n.t('ARN')}: ${mdCode(i.imageArn)}`,
      ...timeLines(i.creationTime, i.lastModifiedTime),
    ].join('  \n'),
  );
  if (i.failureReason) md.appendMarkdown(`\n\n$(error) ${mdText(i.failureReason)}`);
  md.appendMarkdown(`\n\n${'value' in aliases ? aliasLine(aliases.value) : errorLine(vscode.l10n.t('the aliases'), aliases.error)}`);
  return md;
}

/** What the provider knows of a row beyond its node, from caches only (rendering never calls AWS). */
export interface RowFacts {
  /** The version's aliases, when its details are cached. */
  readonly aliases?: readonly string[];
  /** How many Studio settings pin the version (its "latest" references included), when a usage scan is cached. */
  readonly pinnedBy?: number;
  /** For "Used by": the cached scan's summary, or undefined when nothing has scanned the region yet. */
  readonly usage?: { readonly references: number; readonly partial: boolean; readonly scanning: boolean };
}

/** The version row; its tooltip is left to resolveTreeItem (see versionTooltip). */
function versionTreeItem(node: VersionNode, facts: RowFacts, now = new Date()): vscode.TreeItem {
  const v = node.version;
  const item = new vscode.TreeItem(vscode.l10n.t('Version {0}', v.version), vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent.id}/version/${v.version}`;
  item.contextValue =
    facts.aliases === undefined ? CONTEXT.version : facts.aliases.length > 0 ? CONTEXT.versionAliased : CONTEXT.versionUnaliased;
  const when = formatRelative(v.creationTime, now, vscode.env.language);
  const pinned = facts.pinnedBy ? ` · ${vscode.l10n.t('pinned by {0}', facts.pinnedBy)}` : '';
  item.description = (v.imageVersionStatus === 'CREATED' ? when : `${v.imageVersionStatus} · ${when}`) + pinned;
  item.iconPath = statusThemeIcon(v.imageVersionStatus);
  item.accessibilityInformation = {
    label:
      vscode.l10n.t('Version {0} of {1}, status {2}, created {3}', v.version, node.parent.image.imageName, v.imageVersionStatus, when) +
      (facts.pinnedBy ? `, ${vscode.l10n.t('pinned by {0}', facts.pinnedBy)}` : ''),
  };
  return item;
}

/** The "Used by" row: what the cached scan found, or that expanding it scans. */
function usedByTreeItem(node: UsedByNode, facts: RowFacts): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Used by'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = CONTEXT.usedBy;
  item.iconPath = new vscode.ThemeIcon('references');
  const u = facts.usage;
  item.description = !u
    ? vscode.l10n.t('expand to scan Studio')
    : u.scanning
      ? vscode.l10n.t('scanning…')
      : `${u.references === 1 ? vscode.l10n.t('1 reference') : vscode.l10n.t('{0} references', u.references)}${u.partial ? ` · ${vscode.l10n.t('partial')}` : ''}`;
  item.tooltip = vscode.l10n.t(
    'The Studio domains, user profiles and spaces whose settings name this image, in this region. Expanding scans them once (kept until Refresh).',
  );
  item.accessibilityInformation = { label: `${vscode.l10n.t('Used by')}, ${String(item.description)}` };
  return item;
}

function usageTreeItem(node: UsageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.label,
    node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.contextValue = CONTEXT.usage;
  item.description = node.description;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  if (node.tooltip) item.tooltip = node.tooltip;
  item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
  return item;
}

/**
 * The version's tooltip once hovered: the summary from the list, then what DescribeImageVersion
 * and ListAliases (with the version) returned, or one line saying why they could not be read.
 * `ref` (the provider's refOf) is what its links pass.
 */
export function versionTooltip(
  node: VersionNode,
  resolved: Resolved<VersionDetails>,
  ref: VersionRef,
  /** Who pins it, as lines, when a usage scan is cached ([] : nobody); undefined: not scanned. */
  usedBy?: readonly string[],
): vscode.MarkdownString {
  const v = node.version;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = {
    enabledCommands: commandIds('showVersionDetails', 'copyAlias', 'copyContainerImageUri'),
  };
  md.appendMarkdown(`**${mdText(node.parent.image.imageName)}** · ${mdText(vscode.l10n.t('Version {0}', v.version))}\n\n`);
  md.appendMarkdown(
    [
      `${vscode.l10n.t('Status')}: ${mdText(v.imageVersionStatus)}`,
      `${vscode.l10n.t('ARN')}: ${mdCode(v.imageVersionArn)}`,
      ...timeLines(v.creationTime, v.lastModifiedTime),
    ].join('  \n'),
  );
  if (v.failureReason) md.appendMarkdown(`\n\n$(error) **${vscode.l10n.t('Failure reason')}:** ${mdText(v.failureReason)}`);
  if (!('value' in resolved)) {
    md.appendMarkdown(`\n\n${errorLine(vscode.l10n.t('the details'), resolved.error)}`);
    return md;
  }
  const { details: d, aliases } = resolved.value;
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Container image'), d.containerImage && mdCode(d.containerImage)],
    [vscode.l10n.t('Base image'), d.baseImage && mdCode(d.baseImage)],
    [vscode.l10n.t('Vendor guidance'), d.vendorGuidance && mdText(d.vendorGuidance)],
    [vscode.l10n.t('Job type'), d.jobType && mdText(d.jobType)],
    [vscode.l10n.t('ML framework'), d.mlFramework && mdText(d.mlFramework)],
    [vscode.l10n.t('Language'), d.programmingLang && mdText(d.programmingLang)],
    [vscode.l10n.t('Processor'), d.processor && mdText(d.processor)],
    [vscode.l10n.t('Horovod'), d.horovod === undefined ? undefined : d.horovod ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
  ];
  const lines = rows.filter((r): r is [string, string] => !!r[1]).map(([k, value]) => `${k}: ${value}`);
  lines.push(aliasLine(aliases));
  md.appendMarkdown(`\n\n---\n\n${lines.join('  \n')}`);
  if (d.releaseNotes) md.appendMarkdown(`\n\n**${vscode.l10n.t('Release notes')}:** ${mdText(d.releaseNotes)}`);
  if (usedBy)
    md.appendMarkdown(
      usedBy.length === 0
        ? `\n\n${vscode.l10n.t('Used by: nobody in Studio (last scan)')}`
        : `\n\n**${vscode.l10n.t('Used by')}:**  \n${usedBy.map((l) => `$(pinned) ${mdText(l)}`).join('  \n')}`,
    );
  const links = [commandLink(vscode.l10n.t('Show details'), 'showVersionDetails', [ref])];
  if (aliases.length) links.push(commandLink(vscode.l10n.t('Copy alias'), 'copyAlias', [ref]));
  if (d.containerImage) links.push(commandLink(vscode.l10n.t('Copy container image URI'), 'copyContainerImageUri', [ref]));
  md.appendMarkdown(`\n\n${links.join(' · ')}`);
  return md;
}

/** A region's root (regions side by side). */
function regionTreeItem(node: RegionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.region, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.contextValue = CONTEXT.region;
  const name = regionName(node.region);
  item.description = name ?? '';
  item.tooltip = name ? `${node.region} — ${name}` : node.region;
  item.iconPath = new vscode.ThemeIcon('globe');
  item.accessibilityInformation = { label: vscode.l10n.t('Region {0}{1}', node.region, name ? `, ${name}` : '') };
  return item;
}

function loadMoreTreeItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
  item.id = `${parentId(node.parent)}/loadMore`;
  item.contextValue = CONTEXT.loadMore;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.description = vscode.l10n.t('{0} loaded', node.loadedCount);
  item.command = commandRecord('loadMore', node);
  item.accessibilityInformation = {
    label:
      node.parent?.kind === 'image'
        ? vscode.l10n.t('Load more versions of {0}; {1} loaded', node.parent.image.imageName, node.loadedCount)
        : vscode.l10n.t('Load more images; {0} loaded', node.loadedCount),
  };
  return item;
}

function messageTreeItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${parentId(node.parent)}/message`;
  item.contextValue = CONTEXT.message;
  item.iconPath = new vscode.ThemeIcon('info');
  if (node.tooltip) item.tooltip = node.tooltip;
  if (node.command) item.command = node.command;
  item.accessibilityInformation = { label: node.label };
  return item;
}

/** The message a person should read for any failure. */
function errorTreeItem(node: ErrorNode): vscode.TreeItem {
  const message = errorMessage(node.error);
  const item = new vscode.TreeItem(message, vscode.TreeItemCollapsibleState.None);
  item.id = `${parentId(node.parent)}/error`;
  const details = isAwsError(node.error) ? (node.error as AwsError).details : undefined;
  item.contextValue = details?.ssoLoginProfile ? CONTEXT.ssoLoginError : CONTEXT.error;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`$(error) ${mdText(message)}\n\n`);
  if (details?.code || details?.requestId) {
    md.appendMarkdown(
      `${details.code ? `${vscode.l10n.t('Code')}: ${mdCode(details.code)}  \n` : ''}${details.requestId ? `${vscode.l10n.t('Request id')}: ${mdCode(details.requestId)}` : ''}\n\n`,
    );
  }
  if (details?.ssoLoginProfile) {
    // The same quoting the copy command uses: what the tooltip shows is what gets pasted.
    const login = ssoLoginCommand(details.ssoLoginProfile);
    md.appendMarkdown(
      login.ok ? `${mdCode(login.command)} — ${vscode.l10n.t('right-click to copy this command')}\n\n` : `${mdText(login.message)}\n\n`,
    );
  }
  // A resource that is gone will not come back on retry: the click refreshes the whole list.
  const gone = isAwsError(node.error) && node.error.kind === 'notFound';
  md.appendMarkdown(
    gone
      ? vscode.l10n.t('Click to refresh the list. The log has details (Show Log).')
      : vscode.l10n.t('Click to retry. The log has details (Show Log).'),
  );
  item.tooltip = md;
  item.description = gone ? vscode.l10n.t('click to refresh') : vscode.l10n.t('click to retry');
  item.command = gone ? commandRecord('refresh') : commandRecord('retry', node);
  item.accessibilityInformation = {
    label: gone ? vscode.l10n.t('Error: {0}. Activate to refresh.', message) : vscode.l10n.t('Error: {0}. Activate to retry.', message),
  };
  return item;
}

export function toTreeItem(node: Node, facts: RowFacts = {}): vscode.TreeItem {
  switch (node.kind) {
    case 'region':
      return regionTreeItem(node);
    case 'image':
      return imageTreeItem(node);
    case 'version':
      return versionTreeItem(node, facts);
    case 'loadMore':
      return loadMoreTreeItem(node);
    case 'message':
      return messageTreeItem(node);
    case 'error':
      return errorTreeItem(node);
    case 'usedBy':
      return usedByTreeItem(node, facts);
    case 'usage':
      return usageTreeItem(node);
  }
}
