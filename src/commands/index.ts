/**
 * Every command's handler, by name: the entry point of dist/commands.js. The activation bundle
 * registers the ids only (src/extension/registerCommands.ts, from the table in
 * src/model/commands.ts) and loads this on the first command or hover, so activation does not
 * parse code nobody has used yet.
 */
import type { CommandName } from '../model/commands';
import type { CommandContext } from './context';
import { chooseConnection } from './chooseConnection';
import { clearVersionFilters } from './clearVersionFilters';
import { compareVersions } from './compareVersions';
import { showImageUsage } from './showImageUsage';
import { copyAlias } from './copyAlias';
import { copyContainerImageUri } from './copyContainerImageUri';
import { copyImageArn } from './copyImageArn';
import { copySsoLoginCommand } from './copySsoLoginCommand';
import { copyVersionArn } from './copyVersionArn';
import { exportVersions } from './exportVersions';
import { filterImages } from './filterImages';
import { filterVersionsByDate } from './filterVersionsByDate';
import { loadMore } from './loadMore';
import { openInConsole } from './openInConsole';
import { refresh } from './refresh';
import { refreshVersionDetails } from './refreshVersionDetails';
import { retry } from './retry';
import { revealArn } from './revealArn';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';
import { showLog } from './showLog';
import { showVersionDetails } from './showVersionDetails';
import { sortVersions } from './sortVersions';
import { testConnection } from './testConnection';
import { createImageVersion } from './createImageVersion';
import { updateImageVersion } from './updateImageVersion';
import { addAlias } from './addAlias';
import { removeAlias } from './removeAlias';
import { deleteImageVersion } from './deleteImageVersion';
import { createImage } from './createImage';
import { updateImage } from './updateImage';
import { deleteImage } from './deleteImage';

export { ArnHoverProvider } from './arnHoverProvider';

/** What a handler is called with: the context first, then whatever VS Code, a menu or a link passes. */
export type CommandHandler = (ctx: CommandContext, ...args: never[]) => unknown;

/**
 * Every command's handler, keyed by its name in src/model/commands.ts: `satisfies` makes a missing
 * or an extra name a compile error, and keeps each handler's own signature (see Handler).
 */
export const COMMAND_HANDLERS = {
  refresh,
  sortVersions,
  filterVersionsByDate,
  clearVersionFilters,
  filterImages,
  copyVersionArn,
  copyImageArn,
  loadMore,
  retry,
  testConnection,
  showLog,
  selectProfile,
  selectRegion,
  chooseConnection,
  copySsoLoginCommand,
  showVersionDetails,
  refreshVersionDetails,
  copyAlias,
  copyContainerImageUri,
  openInConsole,
  revealArn,
  exportVersions,
  compareVersions,
  showImageUsage,
  createImageVersion,
  updateImageVersion,
  addAlias,
  removeAlias,
  deleteImageVersion,
  createImage,
  updateImage,
  deleteImage,
} as const satisfies { readonly [K in CommandName]: CommandHandler };

/** The handler of one command, with its own parameters and result. */
export type Handler<K extends CommandName> = (typeof COMMAND_HANDLERS)[K];
