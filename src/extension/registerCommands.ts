/**
 * The one place commands are registered; each command lives in its own verbNoun.ts. Handlers are
 * loaded on the first command (see lazy.ts), so registering costs only the ids.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { loadCommands } from './commandsLoader';

/** Every command id, as contributed in package.json (a unit test keeps the three lists equal). */
export const COMMAND_IDS: readonly string[] = [
  'sagemakerImages.refresh',
  'sagemakerImages.sortVersions',
  'sagemakerImages.filterVersionsByDate',
  'sagemakerImages.clearVersionFilters',
  'sagemakerImages.filterImages',
  'sagemakerImages.copyVersionArn',
  'sagemakerImages.copyImageArn',
  'sagemakerImages.loadMore',
  'sagemakerImages.retry',
  'sagemakerImages.showLog',
  'sagemakerImages.selectProfile',
  'sagemakerImages.selectRegion',
  'sagemakerImages.chooseConnection',
  'sagemakerImages.copySsoLoginCommand',
  'sagemakerImages.testConnection',
  'sagemakerImages.showVersionDetails',
  'sagemakerImages.refreshVersionDetails',
  'sagemakerImages.copyAlias',
  'sagemakerImages.copyContainerImageUri',
  'sagemakerImages.openInConsole',
  'sagemakerImages.revealArn',
  'sagemakerImages.exportVersions',
  'sagemakerImages.compareVersions',
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMAND_IDS.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) =>
      (loadCommands().COMMAND_HANDLERS[id] as (ctx: CommandContext, ...rest: unknown[]) => unknown)(ctx, ...args),
    ),
  );
}
