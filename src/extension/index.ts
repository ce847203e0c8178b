/**
 * Wiring only. Activation creates the log, the session, the query state, the tree and the
 * status-bar item; it does not load the AWS SDK (src/model/awsLayer.ts loads it on the first call), so
 * it costs a few milliseconds.
 */
import * as vscode from 'vscode';
import { loadAws } from '../model/awsLayer';
import { registerCommands } from './registerCommands';
import {
  createSettingsAccess,
  readConfiguredConnection,
  readConnectionSettings,
  readPageSize,
  readRegions,
  readRequestTimeoutMs,
} from './configuration';
import { SECTION } from '../model/settings';
import { SettingsController, type SettingsRefusal } from '../model/settingsController';
import { VersionDocumentProvider } from './versionDocuments';
import type { ArnHoverProvider } from '../commands/arnHoverProvider';
import { HOVER_SELECTOR, mayHoldArn } from './hoverSelector';
import { loadCommands } from './commandsLoader';
import { VERSION_DOCUMENT_SCHEME } from '../model/versionDocument';
import { createLogger } from './logChannel';
import { SageMakerSession } from '../model/sageMakerSession';
import { ConnectionStatusBar } from './statusBar';
import type { ImagesTreeProvider, Node } from '../tree';
import { DeferredTree } from './treeLoader';
import { ViewQuery } from './viewQuery';
import { plainText } from '../model/markdownText';
import { l10n } from '../model/l10n';
import { commandId, VIEW_ID } from '../model/commands';

const NO_CREDENTIALS_CONTEXT = 'sagemakerImages.noCredentials';

/**
 * Returned from activate() for integration tests; not a public API. The only test seam: tests reach
 * the running extension through it, never through statics, globals or hooks of their own.
 */
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
  /** Shorter live-status poll intervals, so a test sees re-polls in seconds; `{}` restores the defaults. Drops what is watched. */
  setLiveStatusIntervals(intervals: { baseMs?: number; maxMs?: number }): void;
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
    // Plain http off loopback: the session logs it (warn) and calls this once per host for its lifetime.
    onInsecureEndpoint: (host) =>
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The SageMaker endpoint on {0} uses plain http: requests and session tokens are sent unencrypted. Use https (plain http is only safe on a loopback address).',
          host,
        ),
      ),
  });
  const query = new ViewQuery(context.workspaceState);
  // The provider and its bundle (dist/tree.js) are created when the view first asks for rows or
  // something needs `tree` (src/extension/treeLoader.ts); until then there is nothing to refresh.
  const deferredTree = new DeferredTree(
    session,
    {
      pageSize: () => readPageSize((m) => logger.warn(m)),
      versionQuery: () => query.versionQuery,
      imageNameContains: () => query.nameContains,
      regions: () => readRegions((m) => logger.warn(m)),
      onNoCredentials: (missing) => void vscode.commands.executeCommand('setContext', NO_CREDENTIALS_CONTEXT, missing),
      onRegion: () => showQuery(),
    },
    {
      changed: new vscode.EventEmitter<Node | undefined>(),
      refreshedAll: () => {
        documents.refreshOpen();
        hoverProvider?.details.forget();
      },
    },
  );
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: deferredTree, showCollapseAll: true, canSelectMany: true });
  const statusBar = new ConnectionStatusBar(session);
  const documents = new VersionDocumentProvider(
    () => deferredTree.provider.details,
    () => deferredTree.loaded?.details,
  );
  // The hover provider and its bundle load on the first hover over a line that may hold an ARN.
  let hoverProvider: ArnHoverProvider | undefined;
  const hovers = () => (hoverProvider ??= new (loadCommands().ArnHoverProvider)(session, () => deferredTree.loaded?.usage));

  const showQuery = () => {
    void query.syncContext();
    view.description = [deferredTree.region, query.describe()].filter(Boolean).join(' · ');
  };
  const onQueryChanged = (what: 'versions' | 'images') => {
    showQuery();
    if (what === 'images') deferredTree.loaded?.refresh();
    else deferredTree.loaded?.applyVersionQuery();
  };

  const refreshTree = () => {
    deferredTree.loaded?.refresh();
    showQuery();
  };
  /** A refused setting: logged and shown; the settings in force stay. */
  const refused = (refusal: SettingsRefusal) => {
    if (refusal.kind === 'invalid') {
      logger.error(refusal.message);
      void vscode.window.showErrorMessage(plainText(refusal.message));
      return;
    }
    const message = vscode.l10n.t(
      'AWS profile “{0}” is not in the shared config or credentials file; still using the previous settings.',
      refusal.profile,
    );
    logger.error(message);
    void vscode.window.showErrorMessage(plainText(message), vscode.l10n.t('Select AWS Profile…')).then((pick) => {
      if (pick) void vscode.commands.executeCommand(commandId('selectProfile'));
    });
  };
  // Applying new connection settings destroys cached clients and drops every loaded page
  // (refreshTree), so nothing requested under the old settings can land.
  const settings = new SettingsController({
    readConnection: readConfiguredConnection,
    currentConnection: () => session.settings,
    profileExists: (profile) => loadAws().profileExists(profile),
    useConnection: (next) => session.updateSettings(next),
    useRequestTimeout: () => session.setRequestTimeout(readRequestTimeoutMs()),
    refreshAll: refreshTree,
    reloadVersions: () => onQueryChanged('versions'),
    connectionChanged: () => statusBar.update(),
    refused,
    failed: (err) => logger.error(`Applying the settings failed: ${String(err)}`),
  });

  context.subscriptions.push(
    logChannel,
    view,
    deferredTree,
    statusBar,
    { dispose: () => session.dispose() },
    documents,
    vscode.workspace.registerTextDocumentContentProvider(VERSION_DOCUMENT_SCHEME, documents),
    // An open details document that asked for trust shows the version once trust is granted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => documents.refreshOpen()),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, {
      provideHover: (document, position, token) =>
        mayHoldArn(document.lineAt(position.line).text) ? hovers().provideHover(document, position, token) : undefined,
    }),
    ...registerCommands({
      session,
      get tree() {
        return deferredTree.provider;
      },
      view,
      query,
      logChannel,
      log: logger,
      onQueryChanged,
      documents,
      settled: () => settings.settled(),
      settings: createSettingsAccess(settings),
      state: context.globalState,
    }),
    view.onDidChangeVisibility((e) => {
      statusBar.setVisible(e.visible);
      deferredTree.setVisible(e.visible);
      if (e.visible) showQuery();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => settings.changed((key) => e.affectsConfiguration(`${SECTION}.${key}`))),
  );
  statusBar.setVisible(view.visible);
  deferredTree.setVisible(view.visible);
  // The description is written when the view shows (onDidChangeVisibility): a hidden view at
  // startup, the common case, costs no formatting.
  if (view.visible) showQuery();
  else void query.syncContext();
  logger.info(`SageMaker Image Versions ${version} activated`);
  return {
    session,
    get tree() {
      return deferredTree.provider;
    },
    view,
    query,
    statusBar,
    documents,
    get hovers() {
      return hovers();
    },
    settled: () => settings.settled(),
    recentLog: () => logger.recent(),
    setLiveStatusIntervals: (intervals) => deferredTree.provider.live.setIntervals(intervals),
  };
}

export function deactivate(): void {
  // Disposables registered on the context do the cleanup.
}
