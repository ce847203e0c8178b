/**
 * The tree's node kinds and how each becomes a TreeItem. Nodes are small records; the provider
 * decides which exist, these functions decide how they look. Ids are stable (image name, version
 * ARN) so expansion and selection survive a refresh.
 */
import * as vscode from 'vscode';
import type { AwsError } from '../aws/errors';
import { isAwsError } from '../aws/errors';
import type { ImageSummary, ImageVersionSummary } from '../aws/types';
import { formatLocal, formatRelative, formatUtc } from '../model/timeFormat';

export const CONTEXT = {
  image: 'sagemakerImages.image',
  version: 'sagemakerImages.version',
  loadMore: 'sagemakerImages.loadMore',
  message: 'sagemakerImages.message',
  error: 'sagemakerImages.error',
  /** An error an `aws sso login` fixes: offers to copy that command. */
  ssoLoginError: 'sagemakerImages.error.ssoLogin',
} as const;

export interface ImageNode {
  readonly kind: 'image';
  readonly id: string;
  image: ImageSummary;
}

export interface VersionNode {
  readonly kind: 'version';
  readonly parent: ImageNode;
  readonly version: ImageVersionSummary;
}

/** "Load more…": loads the next page of its parent's list (the roots when parent is undefined). */
export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly parent: ImageNode | undefined;
  readonly loadedCount: number;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly parent: ImageNode | undefined;
  readonly label: string;
  readonly tooltip?: string;
  readonly command?: vscode.Command;
}

export interface ErrorNode {
  readonly kind: 'error';
  readonly parent: ImageNode | undefined;
  readonly error: unknown;
}

export type Node = ImageNode | VersionNode | LoadMoreNode | MessageNode | ErrorNode;

const TRANSIENT = new Set(['CREATING', 'UPDATING', 'DELETING']);

/** Spinning while in transition, error colour when failed; `ready` for CREATED. */
function statusIcon(status: string, ready: vscode.ThemeIcon): vscode.ThemeIcon {
  if (TRANSIENT.has(status)) return new vscode.ThemeIcon('loading~spin');
  if (status.endsWith('_FAILED')) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (status === 'CREATED') return ready;
  return new vscode.ThemeIcon('question');
}

function parentId(parent: ImageNode | undefined): string {
  return parent ? parent.id : 'root';
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function timeLines(created: Date, modified: Date): string[] {
  return [
    `${vscode.l10n.t('Created')}: ${formatLocal(created)} · \`${formatUtc(created)}\``,
    `${vscode.l10n.t('Modified')}: ${formatLocal(modified)} · \`${formatUtc(modified)}\``,
  ];
}

export function imageTreeItem(node: ImageNode): vscode.TreeItem {
  const i = node.image;
  const item = new vscode.TreeItem(i.imageName, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = CONTEXT.image;
  const parts = [i.displayName, i.imageStatus !== 'CREATED' ? i.imageStatus : undefined].filter((p): p is string => !!p);
  item.description = parts.join(' · ');
  item.iconPath = statusIcon(i.imageStatus, new vscode.ThemeIcon('package'));
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(i.imageName)}**${i.displayName ? ` — ${escape(i.displayName)}` : ''}\n\n`);
  if (i.description) md.appendMarkdown(`${escape(i.description)}\n\n`);
  md.appendMarkdown(
    [`${vscode.l10n.t('Status')}: ${i.imageStatus}`, `${vscode.l10n.t('ARN')}: \`${i.imageArn}\``, ...timeLines(i.creationTime, i.lastModifiedTime)].join('  \n'),
  );
  if (i.failureReason) md.appendMarkdown(`\n\n$(error) ${escape(i.failureReason)}`);
  item.tooltip = md;
  item.accessibilityInformation = {
    label: vscode.l10n.t('Image {0}{1}, status {2}', i.imageName, i.displayName ? `, ${i.displayName}` : '', i.imageStatus),
  };
  return item;
}

export function versionTreeItem(node: VersionNode, now = new Date()): vscode.TreeItem {
  const v = node.version;
  const item = new vscode.TreeItem(vscode.l10n.t('Version {0}', v.version), vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent.id}/version/${v.version}`;
  item.contextValue = CONTEXT.version;
  const when = formatRelative(v.creationTime, now, vscode.env.language);
  item.description = v.imageVersionStatus === 'CREATED' ? when : `${v.imageVersionStatus} · ${when}`;
  item.iconPath = statusIcon(v.imageVersionStatus, new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')));
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(node.parent.image.imageName)}** · ${vscode.l10n.t('Version {0}', v.version)}\n\n`);
  md.appendMarkdown(
    [`${vscode.l10n.t('Status')}: ${v.imageVersionStatus}`, `${vscode.l10n.t('ARN')}: \`${v.imageVersionArn}\``, ...timeLines(v.creationTime, v.lastModifiedTime)].join(
      '  \n',
    ),
  );
  if (v.failureReason) md.appendMarkdown(`\n\n$(error) **${vscode.l10n.t('Failure reason')}:** ${escape(v.failureReason)}`);
  item.tooltip = md;
  item.accessibilityInformation = {
    label: vscode.l10n.t('Version {0} of {1}, status {2}, created {3}', v.version, node.parent.image.imageName, v.imageVersionStatus, when),
  };
  return item;
}

export function loadMoreTreeItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
  item.id = `${parentId(node.parent)}/loadMore`;
  item.contextValue = CONTEXT.loadMore;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.description = vscode.l10n.t('{0} loaded', node.loadedCount);
  item.command = { command: 'sagemakerImages.loadMore', title: vscode.l10n.t('Load More'), arguments: [node] };
  item.accessibilityInformation = {
    label: node.parent
      ? vscode.l10n.t('Load more versions of {0}; {1} loaded', node.parent.image.imageName, node.loadedCount)
      : vscode.l10n.t('Load more images; {0} loaded', node.loadedCount),
  };
  return item;
}

export function messageTreeItem(node: MessageNode): vscode.TreeItem {
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
export function errorMessage(error: unknown): string {
  if (isAwsError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function errorTreeItem(node: ErrorNode): vscode.TreeItem {
  const message = errorMessage(node.error);
  const item = new vscode.TreeItem(message, vscode.TreeItemCollapsibleState.None);
  item.id = `${parentId(node.parent)}/error`;
  const details = isAwsError(node.error) ? (node.error as AwsError).details : undefined;
  item.contextValue = details?.ssoLoginProfile ? CONTEXT.ssoLoginError : CONTEXT.error;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`$(error) ${escape(message)}\n\n`);
  if (details?.code || details?.requestId) {
    md.appendMarkdown(`${details.code ? `${vscode.l10n.t('Code')}: \`${details.code}\`  \n` : ''}${details.requestId ? `${vscode.l10n.t('Request id')}: \`${details.requestId}\`` : ''}\n\n`);
  }
  if (details?.ssoLoginProfile) {
    md.appendMarkdown(`\`aws sso login --profile ${details.ssoLoginProfile}\` — ${vscode.l10n.t('right-click to copy this command')}\n\n`);
  }
  // A resource that is gone will not come back on retry: the click refreshes the whole list.
  const gone = isAwsError(node.error) && node.error.kind === 'notFound';
  md.appendMarkdown(gone ? vscode.l10n.t('Click to refresh the list. The log has details (Show Log).') : vscode.l10n.t('Click to retry. The log has details (Show Log).'));
  item.tooltip = md;
  item.description = gone ? vscode.l10n.t('click to refresh') : vscode.l10n.t('click to retry');
  item.command = gone
    ? { command: 'sagemakerImages.refresh', title: vscode.l10n.t('Refresh') }
    : { command: 'sagemakerImages.retry', title: vscode.l10n.t('Retry'), arguments: [node] };
  item.accessibilityInformation = {
    label: gone ? vscode.l10n.t('Error: {0}. Activate to refresh.', message) : vscode.l10n.t('Error: {0}. Activate to retry.', message),
  };
  return item;
}

export function toTreeItem(node: Node): vscode.TreeItem {
  switch (node.kind) {
    case 'image':
      return imageTreeItem(node);
    case 'version':
      return versionTreeItem(node);
    case 'loadMore':
      return loadMoreTreeItem(node);
    case 'message':
      return messageTreeItem(node);
    case 'error':
      return errorTreeItem(node);
  }
}
