/**
 * Wiring only. Activation creates the log, the session, the query state and the tree; it does
 * not load the AWS SDK (src/aws/lazy.ts loads it on the first call), so it costs a few ms.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/register';
import { affectsConnection, readConnectionSettings, readPageSize, SECTION } from './configuration';
import { createLogger } from './logChannel';
import { SageMakerSession } from './model/sageMakerSession';
import { ImagesTreeProvider, VIEW_ID } from './tree/imagesTreeProvider';
import type { Node } from './tree/nodes';
import { SORT_SETTINGS, ViewQuery } from './viewQuery';

/** Returned from activate() for integration tests; not a public API. */
export interface ExtensionApi {
  readonly session: SageMakerSession;
  readonly tree: ImagesTreeProvider;
  readonly view: vscode.TreeView<Node>;
  readonly query: ViewQuery;
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
  const query = new ViewQuery(context.workspaceState);
  const tree = new ImagesTreeProvider(session, {
    pageSize: () => readPageSize((m) => logger.warn(m)),
    versionQuery: () => query.versionQuery,
    imageNameContains: () => query.nameContains,
  });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const showQuery = () => {
    view.description = query.describe();
    void query.syncContext();
  };
  const onQueryChanged = (what: 'versions' | 'images') => {
    showQuery();
    if (what === 'versions') tree.reloadVersions();
    else tree.refresh();
  };
  showQuery();

  context.subscriptions.push(
    logChannel,
    view,
    tree,
    { dispose: () => session.dispose() },
    ...registerCommands({ session, tree, view, query, logChannel, onQueryChanged }),
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
      if (e.affectsConfiguration(`${SECTION}.${SORT_SETTINGS.sortBy}`) || e.affectsConfiguration(`${SECTION}.${SORT_SETTINGS.sortOrder}`)) {
        onQueryChanged('versions');
      }
    }),
  );
  logger.info(`SageMaker Image Versions ${version} activated`);
  return { session, tree, view, query };
}

export function deactivate(): void {
  // Disposables registered on the context do the cleanup.
}
