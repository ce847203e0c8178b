import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { plainText } from '../model/markdownText';
import { CommandFailure, errorMessage, isCancelled } from '../model/errors';

/** What a successful Test Connection found (a failure throws: the command boundary reports it). */
export interface ConnectionCheck {
  readonly ok: true;
  region: string;
  endpoint?: string;
  /** Images on the first page (MaxResults 1). */
  sampleImage?: string;
  message: string;
}

/**
 * Test Connection: one ListImages call with MaxResults 1 under the current settings, reported in
 * a notification. Returns the result when it connected (undefined otherwise), so tests and
 * scripts can use it. A failure is worded here and reported by the command boundary
 * (src/extension/registerCommands.ts), which logs it and shows it once, with Show Log.
 */
export async function testConnection(ctx: CommandContext): Promise<ConnectionCheck> {
  let connection, page;
  try {
    connection = await ctx.session.connection();
    page = await ctx.session.call('listImages', { maxResults: 1 });
  } catch (e) {
    if (isCancelled(e)) throw e;
    throw new CommandFailure(vscode.l10n.t('SageMaker connection failed: {0}', errorMessage(e)), e);
  }
  const endpoint = connection.endpoint;
  const message = vscode.l10n.t('Connected to SageMaker in {0} ({1}).', connection.region, endpoint ?? vscode.l10n.t('AWS endpoint'));
  void vscode.window.showInformationMessage(plainText(message));
  return { ok: true, region: connection.region, endpoint, sampleImage: page.items[0]?.imageName, message };
}
