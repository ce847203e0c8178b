/** The one place commands are registered; each command lives in its own verbNoun.ts. */
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { loadMore } from './loadMore';
import { refresh } from './refresh';
import { retry } from './retry';
import { showLog } from './showLog';
import { testConnection } from './testConnection';

type Handler = (ctx: CommandContext, ...args: never[]) => unknown;

const COMMANDS: Record<string, Handler> = {
  'sagemakerImages.refresh': refresh,
  'sagemakerImages.loadMore': loadMore,
  'sagemakerImages.retry': retry,
  'sagemakerImages.showLog': showLog,
  'sagemakerImages.testConnection': testConnection,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => (handler as (ctx: CommandContext, ...rest: unknown[]) => unknown)(ctx, ...args)),
  );
}
