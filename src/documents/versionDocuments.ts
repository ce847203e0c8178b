/**
 * Read-only documents holding a version's full description (Show Version Details, Compare
 * Versions). Content comes from the DetailsStore, so a document opened after a hover costs no
 * call; "Refresh Version Details" forgets the cached answer and asks again.
 */
import * as vscode from 'vscode';
import type { DetailsStore, VersionRef } from '../model/detailsStore';
import { parseVersionDocumentPath, VERSION_DOCUMENT_SCHEME, versionDocumentJson, versionDocumentPath } from '../model/versionDocument';
import { errorMessage } from '../tree/nodes';

export function versionDocumentUri(ref: VersionRef): vscode.Uri {
  return vscode.Uri.from({ scheme: VERSION_DOCUMENT_SCHEME, path: versionDocumentPath(ref) });
}

export function versionRefOfUri(uri: vscode.Uri): VersionRef | undefined {
  return uri.scheme === VERSION_DOCUMENT_SCHEME ? parseVersionDocumentPath(uri.path) : undefined;
}

export class VersionDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly details: () => DetailsStore) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = versionRefOfUri(uri);
    if (!ref) return `${JSON.stringify({ Error: vscode.l10n.t('Not a SageMaker image version document: {0}', uri.toString()) }, null, 2)}\n`;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return versionDocumentJson(ref.imageName, await this.details().version(ref, controller.signal));
    } catch (e) {
      // A document cannot show a notification; it says what failed and how to try again.
      return `${JSON.stringify({ Error: errorMessage(e), Retry: vscode.l10n.t('Run “Refresh Version Details” to try again.') }, null, 2)}\n`;
    } finally {
      subscription.dispose();
    }
  }

  /** Forgets the cached description and reloads the open document. */
  refresh(uri: vscode.Uri): void {
    const ref = versionRefOfUri(uri);
    if (!ref) return;
    this.details().forget(ref);
    this.changed.fire(uri);
  }

  /**
   * Reloads every open details document (after a refresh or a profile, region or endpoint change),
   * so none keeps showing what another account or an older answer said.
   */
  refreshOpen(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (versionRefOfUri(doc.uri)) this.changed.fire(doc.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
