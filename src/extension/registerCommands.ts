/**
 * The one place commands are registered, and the one boundary every handler runs inside. Ids and
 * titles come from the table (src/model/commands.ts); handlers (src/commands, one per verbNoun.ts)
 * are loaded on the first command (commandsLoader.ts), so registering costs only the ids.
 *
 * A handler that fails simply throws: the boundary logs the failure once (with the request id when
 * the service answered) and shows it once, with Show Log. Cancellation is not a failure and says
 * nothing. The boundary resolves to undefined instead of rethrowing, because VS Code would show a
 * second notification ("Running the contributed command … failed") for a rejected command.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { COMMAND_NAMES, COMMANDS, commandFailureLogLine, commandId, commandTitle, type CommandName } from '../model/commands';
import { CommandFailure, errorMessage, isCancelled } from '../model/errors';
import { plainText } from '../model/markdownText';
import { loadCommands } from './commandsLoader';
import { writesAllowed } from './configuration';

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMAND_NAMES.map((name) => vscode.commands.registerCommand(commandId(name), (...args: unknown[]) => runCommand(ctx, name, args)));
}

/** Runs one command's handler inside the boundary: its result, or undefined when it failed or was cancelled. */
export async function runCommand(ctx: CommandContext, name: CommandName, args: readonly unknown[]): Promise<unknown> {
  // The menus hide write commands there (WRITES_ALLOWED); a keybinding or executeCommand does not go through the menus.
  if (COMMANDS[name].writes && !writesAllowed()) {
    void vscode.window.showWarningMessage(
      vscode.workspace.isTrusted
        ? vscode.l10n.t(
            '{0}: SageMaker Images is in read-only mode (setting sagemakerImages.readOnly); nothing was changed.',
            commandTitle(name).replace(/…$/, ''),
          )
        : vscode.l10n.t(
            '{0}: commands that change AWS are disabled in an untrusted workspace; nothing was changed.',
            commandTitle(name).replace(/…$/, ''),
          ),
    );
    return undefined;
  }
  try {
    const handler = loadCommands().COMMAND_HANDLERS[name] as (ctx: CommandContext, ...rest: unknown[]) => unknown;
    return await handler(ctx, ...args);
  } catch (e) {
    if (!isCancellation(e)) reportFailure(ctx, name, e);
    return undefined;
  }
}

/** The user or VS Code stopped it: ours (RequestCancelledError), VS Code's class, or a VS Code API's plain `Canceled` error. */
function isCancellation(e: unknown): boolean {
  return isCancelled(e) || e instanceof vscode.CancellationError || (e instanceof Error && e.name === 'Canceled');
}

/**
 * Logs the failure once and shows it once; Show Log opens the log. A CommandFailure is shown in
 * the command's own words; anything else after the command's title.
 */
function reportFailure(ctx: CommandContext, name: CommandName, error: unknown): void {
  const worded = error instanceof CommandFailure;
  ctx.log.error(commandFailureLogLine(name, worded ? error.reason : error));
  const showLog = vscode.l10n.t('Show Log');
  const message = worded ? error.message : vscode.l10n.t('{0}: {1}', commandTitle(name).replace(/…$/, ''), errorMessage(error));
  void vscode.window.showErrorMessage(plainText(message), showLog).then((pick) => {
    if (pick === showLog) void vscode.commands.executeCommand(commandId('showLog'));
  });
}
