/**
 * Wiring only. Activation creates the log, the session, the query state, the tree and the
 * status-bar item; it does not load the AWS SDK (src/model/awsLayer.ts loads it on the first call), so
 * it costs a few milliseconds.
 */
import * as vscode from 'vscode';
import { loadAws } from '../model/awsLayer';
import type { ConnectionSettings } from '../model/settings';
import { registerCommands } from './registerCommands';
import {
  affectsConnection,
  readConnectionSettings,
  readPageSize,
  readRegions,
  readRequestTimeoutMs,
  settingsAccess,
} from './configuration';
import { SECTION } from '../model/settings';
import { VersionDocumentProvider } from './versionDocuments';
import type { ArnHoverProvider } from '../commands/arnHoverProvider';
import { HOVER_SELECTOR, mayHoldArn } from './hoverSelector';
import { loadCommands } from './commandsLoader';
import { VERSION_DOCUMENT_SCHEME } from '../model/versionDocument';
import { createLogger } from './logChannel';
import { SageMakerSession } from '../model/sageMakerSession';
import type { VersionQuery } from '../model/versionQuery';
import { ConnectionStatusBar } from './statusBar';
import { ImagesTreeProvider, VIEW_ID } from './tree/imagesTreeProvider';
import type { Node } from './tree/nodes';
import { SORT_SETTINGS, ViewQuery } from './viewQuery';
import { plainText } from '../model/markdownText';
import { l10n } from '../model/l10n';

const NO_CREDENTIALS_CONTEXT = 'sagemakerImages.noCredentials';

/** Returned from activate() for integration tests; not a public API. */
export interface ExtensionApi {
  readonly session: SageMakerSession;
  readonly tree: ImagesTreeProvider;
  readonly view: vscode.TreeView<Node>;
  readonly query: ViewQuery;
  readonly statusBar: ConnectionStatusBar;
  readonly documents: VersionDocumentProvider;
  /** The ARN hover provider (created, with its bundle, on first use). */
  readonly hovers: ArnHoverProvider;
  /** Settles when the last settings change has been applied (or refused). */
  settled(): Promise<void>;
  /** The log's most recent lines, as written (after redaction). */
  recentLog(): readonly string[];
  /** What Sort Versions… does after its pick: write both settings, then reload once. */
  setSort(sortBy: VersionQuery['sortBy'], sortOrder: VersionQuery['sortOrder']): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  l10n.config({ contents: vscode.l10n.bundle ?? {} }); // messages of src/model and src/aws: see src/model/l10n.ts
  const logChannel = vscode.window.createOutputChannel('SageMaker Images', { log: true });
  const logger = createLogger(logChannel);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');

  const initial = readConnectionSettings();
  if (!initial.ok) {
    logger.error(initial.message);
    void vscode.window.showErrorMessage(plainText(initial.message));
  }
  const session = new SageMakerSession(initial.ok ? initial.settings : {}, logger, version, {
    requestTimeoutMs: readRequestTimeoutMs(),
    // The session logs it (warn) and calls this once per endpoint: plain http off loopback.
    onInsecureEndpoint: (host) =>
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The SageMaker endpoint on {0} uses plain http: requests and session tokens are sent unencrypted. Use https (plain http is only safe on a loopback address).',
          host,
        ),
      ),
  });
  const query = new ViewQuery(context.workspaceState);
  const tree = new ImagesTreeProvider(session, {
    pageSize: () => readPageSize((m) => logger.warn(m)),
    versionQuery: () => query.versionQuery,
    imageNameContains: () => query.nameContains,
    regions: () => readRegions((m) => logger.warn(m)),
    onNoCredentials: (missing) => void vscode.commands.executeCommand('setContext', NO_CREDENTIALS_CONTEXT, missing),
    onRegion: () => showQuery(),
  });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const statusBar = new ConnectionStatusBar(session);
  const documents = new VersionDocumentProvider(() => tree.details);
  // The hover provider and its bundle load on the first hover over a line that may hold an ARN.
  let hoverProvider: ArnHoverProvider | undefined;
  const hovers = () => (hoverProvider ??= new (loadCommands().ArnHoverProvider)(session));

  const showQuery = () => {
    void query.syncContext();
    view.description = [tree.region, query.describe()].filter(Boolean).join(' · ');
  };
  const onQueryChanged = (what: 'versions' | 'images') => {
    showQuery();
    if (what === 'images') tree.refresh();
    else tree.applyVersionQuery();
  };

  /**
   * Applies new connection settings: a profile that does not exist is refused and the last good
   * settings stay. Otherwise cached clients are destroyed and every loaded page dropped, so
   * nothing requested under the old settings can land. Resolves whether the tree was refreshed.
   */
  const applyConnection = async (next: ConnectionSettings): Promise<boolean> => {
    if (next.profile !== undefined && next.profile !== session.settings.profile) {
      const exists = await loadAws()
        .profileExists(next.profile)
        .catch(() => false);
      if (!exists) {
        const message = vscode.l10n.t(
          'AWS profile “{0}” is not in the shared config or credentials file; still using the previous settings.',
          next.profile,
        );
        logger.error(message);
        void vscode.window.showErrorMessage(plainText(message), vscode.l10n.t('Select AWS Profile…')).then((pick) => {
          if (pick) void vscode.commands.executeCommand('sagemakerImages.selectProfile');
        });
        return false;
      }
    }
    if (!session.updateSettings(next)) return false;
    tree.refresh();
    showQuery();
    await statusBar.update();
    return true;
  };
  const refreshTree = () => {
    tree.refresh();
    showQuery();
  };
  let pending: Promise<void> = Promise.resolve();

  context.subscriptions.push(
    logChannel,
    view,
    tree,
    statusBar,
    { dispose: () => session.dispose() },
    documents,
    vscode.workspace.registerTextDocumentContentProvider(VERSION_DOCUMENT_SCHEME, documents),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, {
      provideHover: (document, position, token) =>
        mayHoldArn(document.lineAt(position.line).text) ? hovers().provideHover(document, position, token) : undefined,
    }),
    tree.onDidRefreshAll(() => {
      documents.refreshOpen();
      hoverProvider?.details.forget();
    }),
    ...registerCommands({
      session,
      tree,
      view,
      query,
      logChannel,
      onQueryChanged,
      documents,
      settled: () => pending,
      settings: settingsAccess,
    }),
    view.onDidChangeVisibility((e) => {
      statusBar.setVisible(e.visible);
      tree.setVisible(e.visible);
      if (e.visible) showQuery();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // A regions change rebuilds the roots; when it also changes the connection (one entry is
      // the region), applying the connection has refreshed already.
      const regionsChanged = e.affectsConfiguration(`${SECTION}.regions`);
      if (affectsConnection(e)) {
        const next = readConnectionSettings();
        if (!next.ok) {
          // Keep the last good settings in force; say what is wrong.
          logger.error(next.message);
          void vscode.window.showErrorMessage(plainText(next.message));
          if (regionsChanged) refreshTree();
        } else {
          pending = pending
            .then(async () => {
              if (!(await applyConnection(next.settings)) && regionsChanged) refreshTree();
            })
            .catch((err: unknown) => logger.error(`Applying the connection settings failed: ${String(err)}`));
        }
      }
      if (e.affectsConfiguration(`${SECTION}.requestTimeoutSeconds`) && session.setRequestTimeout(readRequestTimeoutMs())) tree.refresh();
      else if (e.affectsConfiguration(`${SECTION}.pageSize`)) refreshTree();
      const sortChanged =
        e.affectsConfiguration(`${SECTION}.${SORT_SETTINGS.sortBy}`) || e.affectsConfiguration(`${SECTION}.${SORT_SETTINGS.sortOrder}`);
      // Sort Versions… reloads once after writing both keys (see ViewQuery.setSort).
      if (sortChanged && !query.writingSort) onQueryChanged('versions');
    }),
  );
  statusBar.setVisible(view.visible);
  tree.setVisible(view.visible);
  showQuery();
  logger.info(`SageMaker Image Versions ${version} activated`);
  const setSort = async (sortBy: VersionQuery['sortBy'], sortOrder: VersionQuery['sortOrder']) => {
    await query.setSort(sortBy, sortOrder);
    onQueryChanged('versions');
  };
  return {
    session,
    tree,
    view,
    query,
    statusBar,
    documents,
    get hovers() {
      return hovers();
    },
    settled: () => pending,
    recentLog: () => logger.recent(),
    setSort,
  };
}

export function deactivate(): void {
  // Disposables registered on the context do the cleanup.
}
