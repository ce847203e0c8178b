/**
 * Every command's handler, by id: the entry point of dist/commands.js. The
 * activation bundle registers the ids only (src/extension/registerCommands.ts) and loads this on the first command,
 * hover or export, so activation does not parse code nobody has used yet.
 */
import type { CommandContext } from './context';
import { chooseConnection } from './chooseConnection';
import { clearVersionFilters } from './clearVersionFilters';
import { compareVersions } from './compareVersions';
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

export { ArnHoverProvider } from './arnHoverProvider';

export type Handler = (ctx: CommandContext, ...args: never[]) => unknown;

export const COMMAND_HANDLERS: Readonly<Record<string, Handler>> = {
  'sagemakerImages.refresh': refresh,
  'sagemakerImages.sortVersions': sortVersions,
  'sagemakerImages.filterVersionsByDate': filterVersionsByDate,
  'sagemakerImages.clearVersionFilters': clearVersionFilters,
  'sagemakerImages.filterImages': filterImages,
  'sagemakerImages.copyVersionArn': copyVersionArn,
  'sagemakerImages.copyImageArn': copyImageArn,
  'sagemakerImages.loadMore': loadMore,
  'sagemakerImages.retry': retry,
  'sagemakerImages.showLog': showLog,
  'sagemakerImages.selectProfile': selectProfile,
  'sagemakerImages.selectRegion': selectRegion,
  'sagemakerImages.chooseConnection': chooseConnection,
  'sagemakerImages.copySsoLoginCommand': copySsoLoginCommand,
  'sagemakerImages.testConnection': testConnection,
  'sagemakerImages.showVersionDetails': showVersionDetails,
  'sagemakerImages.refreshVersionDetails': refreshVersionDetails,
  'sagemakerImages.copyAlias': copyAlias,
  'sagemakerImages.copyContainerImageUri': copyContainerImageUri,
  'sagemakerImages.openInConsole': openInConsole,
  'sagemakerImages.revealArn': revealArn,
  'sagemakerImages.exportVersions': exportVersions,
  'sagemakerImages.compareVersions': compareVersions,
};
