import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { exportPages, ExportWriter, formatFromPath, openReplacement, type ExportFormat, type ReplacementFile } from './model/versionExport';
import { MAX_PAGE_SIZE, versionsRequest } from '../requests/listRequests';
import { describeQuery } from '../model/versionQuery';
import { CommandFailure, errorMessage, isCancelled } from '../model/errors';
import type { CommandContext } from './context';
import { imageTarget } from './targets';

export interface ExportOptions {
  /**
   * Where to write (skips the save dialog). Honoured only with a `cancellation` token: a command
   * link's JSON arguments cannot carry one (VS Code revives a `$mid` object into a real Uri, so the
   * Uri alone proves nothing), so no link can choose where an export writes.
   */
  uri?: vscode.Uri;
  /** Cancels like the notification's Cancel button (for callers that drive the export). */
  cancellation?: vscode.CancellationToken;
}

export interface ExportResult {
  uri: vscode.Uri;
  format: ExportFormat;
  count: number;
  pages: number;
  cancelled: boolean;
}

/**
 * Export Versions…: every version of one image under the current sort and filters, to JSON or
 * CSV. Pages are fetched one at a time (MaxResults 100) and written as they arrive, under a
 * cancellable progress notification; a cancelled or failed export leaves no partial file and
 * leaves an existing file untouched.
 */
export async function exportVersions(ctx: CommandContext, arg?: unknown, options: ExportOptions = {}): Promise<ExportResult | undefined> {
  const title = vscode.l10n.t('Export Versions');
  const image = await imageTarget(ctx, arg, title);
  if (!image) return undefined;
  options = fromCaller(options);
  const uri =
    options.uri ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the versions of {0}', image.imageName),
      defaultUri: vscode.Uri.joinPath(
        vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()),
        `${image.imageName}-versions.json`,
      ),
      filters: { JSON: ['json'], CSV: ['csv'] },
    }));
  if (!uri) return undefined;
  const format = formatFromPath(uri.path);
  if (!format) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export to a .json or .csv file (not {0}).', uri.path.split('/').pop() ?? uri.path));
    return undefined;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export writes to local files only; pick a file on this machine.'));
    return undefined;
  }
  const query = ctx.query.versionQuery;
  // Written beside the target and renamed over it at the end: a cancelled or failed export never
  // empties a file the user chose to replace. The replaced file keeps its mode, and a symbolic
  // link stays a link: its target gets the content (see openReplacement).
  let file: ReplacementFile | undefined;
  const write = (chunk: string) => (file ? file.write(chunk) : Promise.reject(new Error('the export file is not open')));

  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Exporting the versions of {0}', image.imageName),
      cancellable: true,
    },
    async (progress, token) => {
      // Cancel also aborts the page on its way, rather than waiting for it.
      const abort = new AbortController();
      const cancelled = () => token.isCancellationRequested || options.cancellation?.isCancellationRequested === true;
      const subscriptions = [
        token.onCancellationRequested(() => abort.abort()),
        options.cancellation?.onCancellationRequested(() => abort.abort()),
      ];
      const stopped = async (result: { count: number; pages: number }): Promise<ExportResult> => {
        await file?.discard();
        void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; nothing was written.'));
        return { uri, format, ...result, cancelled: true };
      };
      // Kept outside the try: a cancel that aborts a page in flight reports what was written.
      const writer = new ExportWriter(format, write);
      let pagesSoFar = 0;
      try {
        file = await openReplacement(uri.fsPath);
        const result = await exportPages(
          (nextToken) =>
            ctx.session.call('listImageVersions', versionsRequest(image.imageName, query, MAX_PAGE_SIZE, nextToken), {
              region: image.region || undefined,
              signal: abort.signal,
            }),
          writer,
          {
            isCancelled: cancelled,
            onPage: (count) => {
              pagesSoFar += 1;
              progress.report({ message: vscode.l10n.t('{0} versions written', count) });
            },
          },
        );
        if (result.cancelled) return await stopped(result);
        await file.commit();
        const described = describeQuery(query);
        const open = vscode.l10n.t('Open File');
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t(
              'Exported {0} versions of {1}{2} to {3}.',
              result.count,
              image.imageName,
              described ? ` (${described})` : '',
              uri.fsPath,
            ),
            open,
          )
          .then((pick) => {
            if (pick === open) void vscode.window.showTextDocument(uri);
          });
        return { uri, format, ...result };
      } catch (e) {
        if (isCancelled(e) && cancelled()) return await stopped({ count: writer.count, pages: pagesSoFar });
        // Nothing is left behind; the command boundary logs the failure and shows it.
        await file?.discard().catch(() => undefined);
        throw new CommandFailure(vscode.l10n.t('Export of {0} failed; nothing was written: {1}', image.imageName, errorMessage(e)), e);
      } finally {
        for (const s of subscriptions) s?.dispose();
      }
    },
  );
}

/** The options of a caller that drives the export (holds a real token), else none at all. */
function fromCaller(options: unknown): ExportOptions {
  if (typeof options !== 'object' || options === null) return {};
  const { uri, cancellation } = options as ExportOptions;
  if (typeof cancellation?.onCancellationRequested !== 'function' || !(uri === undefined || uri instanceof vscode.Uri)) return {};
  return { uri, cancellation };
}
