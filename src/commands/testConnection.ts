import * as vscode from 'vscode';
import { errorMessage } from '../model/errors';
import type { CommandContext } from './context';
import { plainText } from '../model/markdownText';

export interface ConnectionCheck {
  ok: boolean;
  region?: string;
  endpoint?: string;
  /** Images on the first page (MaxResults 1), when ok. */
  sampleImage?: string;
  message: string;
}

/**
 * Test Connection: one ListImages call with MaxResults 1 under the current settings, reported in
 * a notification. Returns the result so tests and scripts can use it.
 */
export async function testConnection(ctx: CommandContext): Promise<ConnectionCheck> {
  let endpoint = ctx.session.settings.endpoint;
  try {
    const connection = await ctx.session.connection();
    endpoint = connection.endpoint;
    const page = await ctx.session.call('listImages', { maxResults: 1 });
    const message = vscode.l10n.t('Connected to SageMaker in {0} ({1}).', connection.region, endpoint ?? vscode.l10n.t('AWS endpoint'));
    void vscode.window.showInformationMessage(plainText(message));
    return { ok: true, region: connection.region, endpoint, sampleImage: page.items[0]?.imageName, message };
  } catch (e) {
    const message = errorMessage(e);
    void vscode.window
      .showErrorMessage(vscode.l10n.t('SageMaker connection failed: {0}', plainText(message)), vscode.l10n.t('Show Log'))
      .then((pick) => {
        if (pick) ctx.logChannel.show(true);
      });
    return { ok: false, endpoint, message };
  }
}
