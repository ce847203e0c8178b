/**
 * Wiring only. Activation creates the log, the session and the tree; it does not load the AWS
 * SDK (src/aws/lazy.ts loads it on the first call), so it costs a few milliseconds.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/register';
import { affectsConnection, readConnectionSettings, readPageSize, SECTION } from './configuration';
import { createLogger } from './logChannel';
import { SageMakerSession } from './model/sageMakerSession';
import { ImagesTreeProvider, VIEW_ID } from './tree/imagesTreeProvider';
import type { Node } from './tree/nodes';

/** Returned from activate() for integration tests; not a public API. */
export interface ExtensionApi {
  readonly session: SageMakerSession;
  readonly tree: ImagesTreeProvider;
  readonly view: vscode.TreeView<Node>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const logChannel = vscode.window.createOutputChannel('SageMaker Images', { log: true });
  const logger = createLogger(logChannel);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');

  const initial = readConnectionSettings();
  if (!initial.ok) {
    logger.error(initial.message);
    void vscode.window.showErrorMessage(initial.message);
  }
  const session = new SageMakerSession(initial.ok ? initial.settings : {}, logger, version);
  const tree = new ImagesTreeProvider(session, {
    pageSize: () => readPageSize((m) => logger.warn(m)),
    versionQuery: () => ({}),
  });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });

  context.subscriptions.push(
    logChannel,
    view,
    tree,
    { dispose: () => session.dispose() },
    ...registerCommands({ session, tree, view, logChannel }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsConnection(e)) {
        const next = readConnectionSettings();
        if (!next.ok) {
          // Keep the last good settings in force; say what is wrong.
          logger.error(next.message);
          void vscode.window.showErrorMessage(next.message);
          return;
        }
        if (session.updateSettings(next.settings)) tree.refresh();
      } else if (e.affectsConfiguration(`${SECTION}.pageSize`)) {
        tree.refresh();
      }
    }),
  );
  logger.info(`SageMaker Image Versions ${version} activated`);
  return { session, tree, view };
}

export function deactivate(): void {
  // Disposables registered on the context do the cleanup.
}
