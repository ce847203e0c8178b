import type * as vscode from 'vscode';
import type { VersionDocumentProvider } from '../documents/versionDocuments';
import type { SageMakerSession } from '../model/sageMakerSession';
import type { ImagesTreeProvider } from '../tree/imagesTreeProvider';
import type { Node } from '../tree/nodes';
import type { ViewQuery } from '../viewQuery';

/** What every command may use. */
export interface CommandContext {
  readonly session: SageMakerSession;
  readonly tree: ImagesTreeProvider;
  readonly view: vscode.TreeView<Node>;
  readonly query: ViewQuery;
  readonly logChannel: vscode.LogOutputChannel;
  /** Re-reads the query into the view (description, context keys) and reloads what it affects. */
  readonly onQueryChanged: (what: 'versions' | 'images') => void;
  /** The details documents (Show Version Details, Compare Versions). */
  readonly documents: VersionDocumentProvider;
  /** Settles when the last settings change has been applied (e.g. after switching region). */
  readonly settled: () => Promise<void>;
}
