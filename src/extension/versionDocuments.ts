/**
 * Read-only documents holding a version's full description (Show Version Details, Compare
 * Versions). Content comes from the DetailsStore, so a document opened after a hover costs no
 * call; "Refresh Version Details" forgets the cached answer and asks again.
 *
 * Any link in any file can open a `sagemaker-image-version:` URI, so the path is checked like a
 * hovered ARN (a region SageMaker serves, the model's name and version patterns) and an untrusted
 * workspace gets what the extension has read already or else a document asking for trust: in
 * neither case is a request made. Granting trust reloads the open documents.
 */
import * as vscode from 'vscode';
import type { DetailsStore, VersionRef } from '../tree/model/detailsStore';
import { isKnownRegion } from '../model/regions';
import {
  decideVersionDocument,
  parseVersionDocumentPath,
  VERSION_DOCUMENT_SCHEME,
  versionDocumentJson,
  versionDocumentPath,
  type VersionDocumentDecision,
} from '../model/versionDocument';
import { errorMessage } from '../model/errors';

function versionDocumentUri(ref: VersionRef): vscode.Uri {
  return vscode.Uri.from({ scheme: VERSION_DOCUMENT_SCHEME, path: versionDocumentPath(ref) });
}

function versionRefOfUri(uri: vscode.Uri): VersionRef | undefined {
  return uri.scheme === VERSION_DOCUMENT_SCHEME ? parseVersionDocumentPath(uri.path, isKnownRegion) : undefined;
}

export class VersionDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly details: () => DetailsStore,
    /** The store if the tree is loaded: an untrusted window reads its cache without loading the tree. */
    private readonly loadedDetails: () => DetailsStore | undefined,
  ) {}

  /** The document of a version (what Show Version Details and Compare Versions open). */
  uriOf(ref: VersionRef): vscode.Uri {
    return versionDocumentUri(ref);
  }

  /** The version a details document shows; undefined for any other URI. */
  refOf(uri: vscode.Uri): VersionRef | undefined {
    return versionRefOfUri(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const decision = decideVersionDocument(uri.path, { isTrusted: vscode.workspace.isTrusted, isKnownRegion });
    if (uri.scheme !== VERSION_DOCUMENT_SCHEME || decision.action === 'refuse') return errorDocument(refusal(uri, decision));
    if (decision.action === 'askForTrust') {
      // What the extension read already (Show Version Details reads before it opens the document) is
      // shown; only a lookup, which any link in an untrusted file could cause, waits for trust.
      const cached = this.loadedDetails()?.cachedVersion(decision.ref);
      if (cached) return versionDocumentJson(decision.ref.imageName, cached);
      return errorDocument(
        vscode.l10n.t(
          'Trust this workspace to look up version {0} of {1} in {2}: SageMaker is not called from an untrusted workspace. This document reloads once you trust it.',
          decision.ref.version,
          decision.ref.imageName,
          decision.ref.region,
        ),
      );
    }
    const ref = decision.ref;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return versionDocumentJson(ref.imageName, await this.details().version(ref, controller.signal));
    } catch (e) {
      // A document cannot show a notification; it says what failed and how to try again.
      return errorDocument(errorMessage(e), vscode.l10n.t('Run “Refresh Version Details” to try again.'));
    } finally {
      subscription.dispose();
    }
  }

  /**
   * Shows the document's version again from the cache, when it is open: a command that has just
   * read the version (Show Version Details, Compare Versions) opens a document VS Code may hold
   * already, with what it showed before (an error, or the request for trust).
   */
  reload(uri: vscode.Uri): void {
    if (versionRefOfUri(uri)) this.changed.fire(uri);
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

/** A document that says what is wrong (a document cannot show a notification). */
function errorDocument(error: string, retry?: string): string {
  return `${JSON.stringify(retry ? { Error: error, Retry: retry } : { Error: error }, null, 2)}\n`;
}

function refusal(uri: vscode.Uri, decision: VersionDocumentDecision): string {
  if (uri.scheme !== VERSION_DOCUMENT_SCHEME || decision.action !== 'refuse')
    return vscode.l10n.t('Not a SageMaker image version document: {0}', uri.toString().slice(0, 300));
  const { problem, value } = decision.checked;
  switch (problem) {
    case 'unknownRegion':
      return vscode.l10n.t('{0} is not a region SageMaker serves; nothing was looked up.', value);
    case 'badImageName':
      return vscode.l10n.t(
        '“{0}” is not a valid image name (letters, digits and single hyphens or dots between them, 1–63 characters); nothing was looked up.',
        value,
      );
    case 'badVersion':
      return vscode.l10n.t('“{0}” is not a version number (a whole number ≥ 0); nothing was looked up.', value);
    case 'notADocument':
      return vscode.l10n.t('Not a SageMaker image version document: {0}', uri.toString().slice(0, 300));
  }
}
