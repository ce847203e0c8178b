/**
 * Edit Image…: display name, description and role ARN, pre-filled from a fresh DescribeImage.
 * Only what changed is sent; a cleared display name or description goes as DeleteProperties. The
 * image shows UPDATING at once and is followed until it settles.
 */
import * as vscode from 'vscode';
import { plainText } from '../model/markdownText';
import type { CommandContext } from './context';
import { requestPreview, updateImageRequest, type ImageFields } from './model/writeForms';
import { imageTarget } from './targets';
import { askImageFields } from './writeForms';
import { followImage, regionOrSession, whereText } from './writeSupport';

export async function updateImage(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const title = vscode.l10n.t('Edit Image…');
  const target = await imageTarget(ctx, arg, title);
  if (!target) return false;
  const region = await regionOrSession(ctx, target.region);
  const { imageName } = target;
  const image = await ctx.session.call('describeImage', { imageName }, { region });
  const before: ImageFields = { displayName: image.displayName, description: image.description, roleArn: image.roleArn };
  const where = whereText(ctx, region, image.imageArn);
  const fields = await askImageFields({
    title: vscode.l10n.t('Edit Image… — {0}', imageName),
    initial: before,
    withNameAndTags: false,
    recentRoleArns: image.roleArn ? [image.roleArn] : [],
    review: (f) => {
      const { request } = updateImageRequest(imageName, before, f);
      return {
        operation: 'UpdateImage',
        rows: request ? requestPreview('UpdateImage', request) : [],
        confirmLabel: vscode.l10n.t('Update image {0}', imageName),
        where,
      };
    },
  });
  if (!fields) return false;
  const { request, cannotClear } = updateImageRequest(imageName, before, fields);
  if (cannotClear.length > 0) {
    void vscode.window.showWarningMessage(
      plainText(vscode.l10n.t('SageMaker cannot clear {0} of an image: the current value stays.', cannotClear.join(', '))),
    );
  }
  if (!request) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing changed: nothing was sent.'));
    return false;
  }
  await ctx.session.call('updateImage', request, { region });
  void followImage(ctx, region, imageName, 'update');
  return true;
}
