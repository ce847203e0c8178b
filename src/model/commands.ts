/**
 * Every command the extension contributes, declared once. package.json must say the same (the
 * manifest cannot import this; test/unit/commandTable.unit.test.ts keeps the two equal), and
 * everything else in src takes a command's id from here: registration, the handler map (whose
 * keys are these names, checked by the compiler), tree nodes, links in tooltips and hovers, the
 * status bar and executeCommand calls. vscode-free, so the table and its helpers load with
 * dist/model.js and are tested in plain Node.
 */
import { errorMessage, isAwsError } from './errors';
import { l10n } from './l10n';

/** The images view's id (package.json contributes.views), for createTreeView and progress in the view. */
export const VIEW_ID = 'sagemakerImages.images';

/**
 * When a command that writes to AWS is offered (palette and menus): never in read-only mode or an
 * untrusted workspace. The boundary (src/extension/registerCommands.ts) refuses it there too, for a
 * keybinding or executeCommand that skips the menus.
 */
export const WRITES_ALLOWED = 'isWorkspaceTrusted && !config.sagemakerImages.readOnly';

/** What the extension needs to know about one command; `K` is its name, the key in COMMANDS. */
export interface CommandSpec<K extends string = string> {
  /** The id package.json contributes: the extension's prefix and the name (the type checks it). */
  readonly id: `sagemakerImages.${K}`;
  /**
   * The title package.nls.json gives it (`command.<name>`), in the display language: a function,
   * so the string is looked up when shown, after the localization bundle is loaded, not when this
   * module is.
   */
  readonly title: () => string;
  /** The codicon package.json gives it for menus and the view's title bar; Load More has none. */
  readonly icon?: `$(${string})`;
  /**
   * When the Command Palette offers it (package.json `menus.commandPalette`): absent, always;
   * `'false'`, never, because it only acts on a row or an argument the extension hands out.
   */
  readonly palette?: string;
  /** It changes something in AWS: hidden and refused in read-only mode and in an untrusted workspace (WRITES_ALLOWED). */
  readonly writes?: true;
}

/** Checks each entry against its key (the id must be the prefix and the key) and types every entry alike. */
function declareCommands<T extends { readonly [K in keyof T & string]: CommandSpec<K> }>(
  table: T,
): { readonly [K in keyof T & string]: CommandSpec<K> } {
  return table;
}

export const COMMANDS = declareCommands({
  refresh: { id: 'sagemakerImages.refresh', title: () => l10n.t('Refresh'), icon: '$(refresh)' },
  sortVersions: { id: 'sagemakerImages.sortVersions', title: () => l10n.t('Sort Versions…'), icon: '$(list-ordered)' },
  filterVersionsByDate: {
    id: 'sagemakerImages.filterVersionsByDate',
    title: () => l10n.t('Filter Versions by Date…'),
    icon: '$(calendar)',
  },
  clearVersionFilters: { id: 'sagemakerImages.clearVersionFilters', title: () => l10n.t('Clear Version Filters'), icon: '$(clear-all)' },
  filterImages: { id: 'sagemakerImages.filterImages', title: () => l10n.t('Filter Images by Name…'), icon: '$(filter)' },
  copyVersionArn: { id: 'sagemakerImages.copyVersionArn', title: () => l10n.t('Copy Version ARN'), icon: '$(copy)' },
  copyImageArn: { id: 'sagemakerImages.copyImageArn', title: () => l10n.t('Copy Image ARN'), icon: '$(copy)' },
  loadMore: { id: 'sagemakerImages.loadMore', title: () => l10n.t('Load More'), palette: 'false' },
  retry: { id: 'sagemakerImages.retry', title: () => l10n.t('Retry'), icon: '$(refresh)', palette: 'false' },
  testConnection: { id: 'sagemakerImages.testConnection', title: () => l10n.t('Test Connection'), icon: '$(plug)' },
  showLog: { id: 'sagemakerImages.showLog', title: () => l10n.t('Show Log'), icon: '$(output)' },
  selectProfile: { id: 'sagemakerImages.selectProfile', title: () => l10n.t('Select AWS Profile…'), icon: '$(account)' },
  selectRegion: { id: 'sagemakerImages.selectRegion', title: () => l10n.t('Select Region…'), icon: '$(globe)' },
  chooseConnection: {
    id: 'sagemakerImages.chooseConnection',
    title: () => l10n.t('Choose Profile or Region…'),
    icon: '$(cloud)',
    palette: 'false',
  },
  copySsoLoginCommand: {
    id: 'sagemakerImages.copySsoLoginCommand',
    title: () => l10n.t('Copy SSO Login Command'),
    icon: '$(copy)',
    palette: 'false',
  },
  showVersionDetails: { id: 'sagemakerImages.showVersionDetails', title: () => l10n.t('Show Version Details'), icon: '$(info)' },
  refreshVersionDetails: {
    id: 'sagemakerImages.refreshVersionDetails',
    title: () => l10n.t('Refresh Version Details'),
    icon: '$(refresh)',
    palette: 'resourceScheme == sagemaker-image-version',
  },
  copyAlias: { id: 'sagemakerImages.copyAlias', title: () => l10n.t('Copy Alias'), icon: '$(tag)' },
  copyContainerImageUri: {
    id: 'sagemakerImages.copyContainerImageUri',
    title: () => l10n.t('Copy Container Image URI'),
    icon: '$(clippy)',
  },
  openInConsole: { id: 'sagemakerImages.openInConsole', title: () => l10n.t('Open in AWS Console'), icon: '$(link-external)' },
  revealArn: { id: 'sagemakerImages.revealArn', title: () => l10n.t('Reveal Image Version by ARN…'), icon: '$(search)' },
  exportVersions: { id: 'sagemakerImages.exportVersions', title: () => l10n.t('Export Versions…'), icon: '$(export)' },
  compareVersions: { id: 'sagemakerImages.compareVersions', title: () => l10n.t('Compare Versions'), icon: '$(diff)' },
  showImageUsage: { id: 'sagemakerImages.showImageUsage', title: () => l10n.t('Show Where Used'), icon: '$(references)' },
  createImageVersion: {
    id: 'sagemakerImages.createImageVersion',
    title: () => l10n.t('Create Image Version…'),
    icon: '$(add)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
  updateImageVersion: {
    id: 'sagemakerImages.updateImageVersion',
    title: () => l10n.t('Edit Image Version…'),
    icon: '$(edit)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
  addAlias: { id: 'sagemakerImages.addAlias', title: () => l10n.t('Add Alias…'), icon: '$(tag)', palette: WRITES_ALLOWED, writes: true },
  removeAlias: {
    id: 'sagemakerImages.removeAlias',
    title: () => l10n.t('Remove Alias…'),
    icon: '$(close)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
  deleteImageVersion: {
    id: 'sagemakerImages.deleteImageVersion',
    title: () => l10n.t('Delete Image Version…'),
    icon: '$(trash)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
  createImage: {
    id: 'sagemakerImages.createImage',
    title: () => l10n.t('Create Image…'),
    icon: '$(new-file)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
  updateImage: {
    id: 'sagemakerImages.updateImage',
    title: () => l10n.t('Edit Image…'),
    icon: '$(edit)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
  deleteImage: {
    id: 'sagemakerImages.deleteImage',
    title: () => l10n.t('Delete Image…'),
    icon: '$(trash)',
    palette: WRITES_ALLOWED,
    writes: true,
  },
});

/** A command's name: its key in COMMANDS, its handler's key and its handler's file (src/commands/<name>.ts). */
export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName]['id'];

/** Every command's name, in the table's order. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly CommandName[];

export function commandId(name: CommandName): CommandId {
  return COMMANDS[name].id;
}

/** The ids of some commands, e.g. a MarkdownString's `isTrusted.enabledCommands`. */
export function commandIds(...names: readonly CommandName[]): CommandId[] {
  return names.map(commandId);
}

export function commandTitle(name: CommandName): string {
  return COMMANDS[name].title();
}

/** The shape of a `vscode.Command` (a tree item's click, a message node's action), built from the table. */
export interface CommandRecord {
  readonly command: CommandId;
  readonly title: string;
  readonly arguments?: unknown[];
}

export function commandRecord(name: CommandName, ...args: unknown[]): CommandRecord {
  return args.length
    ? { command: commandId(name), title: commandTitle(name), arguments: args }
    : { command: commandId(name), title: commandTitle(name) };
}

/**
 * The log line for a command that failed: which command, the message the user was shown, and what
 * identifies the failure to AWS support or in CloudTrail (kind, code, HTTP status, request id) when
 * the service answered. English, like the rest of the log.
 */
export function commandFailureLogLine(name: CommandName, error: unknown): string {
  const line = `${commandId(name)} failed: ${errorMessage(error)}`;
  if (!isAwsError(error)) return error instanceof Error && error.name !== 'Error' ? `${line} (${error.name})` : line;
  const { code, httpStatus, requestId } = error.details;
  const facts = [
    `kind ${error.kind}`,
    code && `code ${code}`,
    httpStatus !== undefined && `HTTP ${httpStatus}`,
    requestId && `requestId=${requestId}`,
  ];
  return `${line} (${facts.filter(Boolean).join(', ')})`;
}
