/**
 * Create Image Version…: a new version of an image from a container image URI. The form starts
 * from the latest version (its base image, tag or digest selected for editing, and its job type,
 * processor, framework, language and Horovod flag); aliases and release notes start empty. One
 * ClientToken is made per user action, before the first send, so neither the SDK's retries nor
 * the user's Retry after a timeout can make a second version.
 */
import * as vscode from 'vscode';
import { isAwsError } from '../model/errors';
import { versionsRequest } from '../requests/listRequests';
import { newClientToken } from '../requests/imageFields';
import type { CreateImageVersionInput } from '../model/types';
import type { CommandContext } from './context';
import { parseImageVersionArn } from './model/arns';
import { createVersionRequest, requestPreview, type VersionFields } from './model/writeForms';
import { imageTarget } from './targets';
import { askVersionFields } from './writeForms';
import { followVersion, regionOrSession, whereText } from './writeSupport';

export async function createImageVersion(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const title = vscode.l10n.t('Create Image Version…');
  const target = await imageTarget(ctx, arg, title);
  if (!target) return undefined;
  const region = await regionOrSession(ctx, target.region);
  const { imageName } = target;
  const image = await ctx.session.call('describeImage', { imageName }, { region });
  const latest = await ctx.session.call(
    'listImageVersions',
    versionsRequest(imageName, { sortBy: 'VERSION', sortOrder: 'DESCENDING', filters: {} }, 1),
    { region },
  );
  const latestVersion = latest.items[0];
  const from = latestVersion
    ? await ctx.session.call('describeImageVersion', { imageName, version: latestVersion.version }, { region })
    : undefined;
  const initial: VersionFields = {
    baseImage: from?.baseImage,
    aliases: [],
    jobType: from?.jobType,
    processor: from?.processor,
    mlFramework: from?.mlFramework,
    programmingLang: from?.programmingLang,
    horovod: from?.horovod,
  };
  const where = whereText(ctx, region, image.imageArn);
  // One token for this user action: made before the form returns, reused by every send below.
  const clientToken = newClientToken();
  const fields = await askVersionFields({
    title: vscode.l10n.t('Create Image Version… — {0}', imageName),
    initial,
    withBaseImage: true,
    review: (f) => ({
      operation: 'CreateImageVersion',
      rows: requestPreview('CreateImageVersion', createVersionRequest(imageName, f, clientToken)),
      confirmLabel: vscode.l10n.t('Create version of {0}', imageName),
      where,
    }),
  });
  if (!fields) return undefined;
  const request = createVersionRequest(imageName, fields, clientToken);
  const created = await sendWithRetry(ctx, request, region);
  if (!created) return undefined;
  const version = parseImageVersionArn(created.imageVersionArn)?.version;
  ctx.log.info(`Created ${created.imageVersionArn} (ClientToken ${clientToken})`);
  if (version === undefined) return created.imageVersionArn;
  void followVersion(ctx, { region, imageName, version }, 'create');
  return created.imageVersionArn;
}

/**
 * Sends the request; after a timeout or a network failure offers Retry, which sends the very same
 * request (the same ClientToken), so the service answers with the version it may already have made.
 */
async function sendWithRetry(
  ctx: CommandContext,
  request: CreateImageVersionInput,
  region: string,
): Promise<{ imageVersionArn: string } | undefined> {
  for (;;) {
    try {
      return await ctx.session.call('createImageVersion', request, { region });
    } catch (e) {
      if (!isAwsError(e) || (e.kind !== 'timeout' && e.kind !== 'network')) throw e;
      const retry = vscode.l10n.t('Retry');
      const pick = await vscode.window.showErrorMessage(
        vscode.l10n.t('{0} Retrying sends the same request: it cannot create a second version.', e.message),
        retry,
      );
      if (pick !== retry) return undefined;
    }
  }
}
