import type * as vscode from 'vscode';
import type { VersionDocumentProvider } from '../extension/versionDocuments';
import type { SageMakerSession } from '../model/sageMakerSession';
import type { ImagesTreeProvider } from '../tree/imagesTreeProvider';
import type { Node } from '../tree/nodes';
import type { ViewQuery } from '../extension/viewQuery';
import type { SettingsAccess } from '../extension/configuration';
import type { Logger } from '../model/log';

/** What every command may use. */
export interface CommandContext {
  readonly session: SageMakerSession;
  readonly tree: ImagesTreeProvider;
  readonly view: vscode.TreeView<Node>;
  readonly query: ViewQuery;
  /** The log channel itself (Show Log opens it). */
  readonly logChannel: vscode.LogOutputChannel;
  /** Writes to that channel, redacted (src/extension/logChannel.ts): where the command boundary logs a failure. */
  readonly log: Logger;
  /** Re-reads the query into the view (description, context keys) and reloads what it affects. */
  readonly onQueryChanged: (what: 'versions' | 'images') => void;
  /** The details documents (Show Version Details, Compare Versions). */
  readonly documents: VersionDocumentProvider;
  /** Settles when the last settings change has been applied (e.g. after switching region). */
  readonly settled: () => Promise<void>;
  /** Reads and writes settings (configuration.ts lives in the activation bundle). */
  readonly settings: SettingsAccess;
  /** The extension's global state (e.g. the role ARNs used recently by Create Image…). */
  readonly state: vscode.Memento;
}
