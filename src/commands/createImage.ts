/**
 * Create Image…: name (pattern-checked, refused if an image of that name exists), display name,
 * description, role ARN (the recently used ones offered) and tags, then a review of the request.
 * The new image shows CREATING in the tree at once and is followed until CREATED.
 */
import * as vscode from 'vscode';
import { isAwsError } from '../model/errors';
import type { CommandContext } from './context';
import { createImageRequest, requestPreview } from './model/writeForms';
import { askImageFields } from './writeForms';
import { followImage, whereText } from './writeSupport';

const RECENT_ROLES_KEY = 'sagemakerImages.recentRoleArns';
const MAX_RECENT_ROLES = 5;

export async function createImage(ctx: CommandContext): Promise<string | undefined> {
  const title = vscode.l10n.t('Create Image…');
  const region = await ctx.session.region();
  const recentRoleArns = ctx.state.get<string[]>(RECENT_ROLES_KEY, []).filter((r) => typeof r === 'string');
  const where = whereText(ctx, region, ctx.tree.anyImageArn(region));
  const namesTried = new Map<string, Promise<boolean>>();
  const fields = await askImageFields({
    title,
    initial: {},
    withNameAndTags: true,
    recentRoleArns,
    nameTaken: (name) => {
      // Back and forth through the form asks about one name once.
      let answer = namesTried.get(name);
      if (!answer) {
        answer = imageExists(ctx, name, region);
        namesTried.set(name, answer);
        answer.catch(() => namesTried.delete(name)); // a failed check is asked again on the next Enter
      }
      return answer;
    },
    review: (f) => ({
      operation: 'CreateImage',
      rows:
        f.imageName && f.roleArn
          ? requestPreview('CreateImage', createImageRequest({ ...f, imageName: f.imageName, roleArn: f.roleArn }))
          : [],
      confirmLabel: vscode.l10n.t('Create image {0}', f.imageName ?? ''),
      where,
    }),
  });
  if (!fields?.imageName || !fields.roleArn) return undefined;
  const request = createImageRequest({ ...fields, imageName: fields.imageName, roleArn: fields.roleArn });
  const { imageArn } = await ctx.session.call('createImage', request, { region });
  await ctx.state.update(
    RECENT_ROLES_KEY,
    [fields.roleArn, ...recentRoleArns.filter((r) => r !== fields.roleArn)].slice(0, MAX_RECENT_ROLES),
  );
  void followImage(ctx, region, request.imageName, 'create');
  return imageArn;
}

async function imageExists(ctx: CommandContext, imageName: string, region: string): Promise<boolean> {
  try {
    await ctx.session.call('describeImage', { imageName }, { region });
    return true;
  } catch (e) {
    if (isAwsError(e) && e.kind === 'notFound') return false;
    throw e;
  }
}
