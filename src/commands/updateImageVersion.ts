/**
 * Edit Image Version…: the version's metadata and aliases, in the same form as Create, pre-filled
 * from a fresh DescribeImageVersion and ListAliases. Only what changed is sent (aliases as
 * AliasesToAdd / AliasesToDelete); an alias another version holds is moved only after asking.
 */
import * as vscode from 'vscode';
import { plainText } from '../model/markdownText';
import type { CommandContext } from './context';
import { requestPreview, updateVersionRequest, versionFieldsOf } from './model/writeForms';
import { versionTarget } from './targets';
import { askVersionFields } from './writeForms';
import { moveHeldAliases } from './addAlias';
import { regionOrSession, whereText } from './writeSupport';

export async function updateImageVersion(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const title = vscode.l10n.t('Edit Image Version…');
  const target = await versionTarget(ctx, arg, title);
  if (!target) return false;
  const ref = { ...target, region: await regionOrSession(ctx, target.region) };
  ctx.tree.details.forget(ref);
  const { details, aliases } = await ctx.tree.details.version(ref);
  const before = versionFieldsOf(details, aliases);
  const where = whereText(ctx, ref.region, details.imageVersionArn);
  const fields = await askVersionFields({
    title: vscode.l10n.t('Edit Image Version… — version {0} of {1}', ref.version, ref.imageName),
    initial: before,
    withBaseImage: false,
    review: (f) => {
      const { request } = updateVersionRequest(ref.imageName, ref.version, before, f);
      return {
        operation: 'UpdateImageVersion',
        rows: request ? requestPreview('UpdateImageVersion', request) : [],
        confirmLabel: vscode.l10n.t('Update version {0} of {1}', ref.version, ref.imageName),
        where,
      };
    },
  });
  if (!fields) return false;
  const { request, cannotClear } = updateVersionRequest(ref.imageName, ref.version, before, fields);
  if (cannotClear.length > 0) {
    void vscode.window.showWarningMessage(
      plainText(vscode.l10n.t('SageMaker cannot clear {0} of an image version: the current values stay.', cannotClear.join(', '))),
    );
  }
  if (!request) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing changed: nothing was sent.'));
    return false;
  }
  if (request.aliasesToAdd?.length && !(await moveHeldAliases(ctx, ref, request.aliasesToAdd, where))) return false;
  await ctx.session.call('updateImageVersion', request, { region: ref.region });
  ctx.tree.details.forget(ref);
  ctx.tree.refreshVersionRow(ref);
  void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} of {1} was updated.', ref.version, ref.imageName));
  return true;
}
