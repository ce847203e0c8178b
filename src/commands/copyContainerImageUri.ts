import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { sameResource } from './copyImageArn';
import { imageOrVersionTarget, isVersionRef, readArgument } from './targets';
import { plainText } from '../model/markdownText';

/**
 * Copy Container Image URI: a version's ContainerImage (DescribeImageVersion), or for an image
 * its latest version's. Says so when the service gives none. Given an ARN (a hover link) of
 * another account than the profile reads, copies nothing: a same-named image is not that one.
 */
export async function copyContainerImageUri(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const title = vscode.l10n.t('Copy Container Image URI');
  const ref = await imageOrVersionTarget(ctx, arg, title);
  if (!ref) return undefined;
  const given = readArgument(ctx, arg);
  const account = given.kind === 'ref' ? given.account : undefined;
  let uri: string | undefined;
  let version: number | undefined;
  if (isVersionRef(ref)) {
    const { details } = await ctx.tree.details.version(ref);
    if (!sameResource(details.imageVersionArn, account)) return undefined;
    uri = details.containerImage;
    version = ref.version;
  } else {
    const { image, latest } = await ctx.tree.details.image(ref);
    if (!sameResource(image.imageArn, account)) return undefined;
    uri = latest?.containerImage;
    version = latest?.version;
    if (!latest) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Image {0} has no versions, so no container image.', ref.imageName));
      return undefined;
    }
  }
  if (!uri) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('SageMaker gives no container image for version {0} of {1}.', version ?? '?', ref.imageName),
    );
    return undefined;
  }
  // A registry path never holds blanks or control characters (and the model caps it at 255): text
  // that does is not something to paste into a terminal.
  if (uri.length > 255 || /[\s\p{Cc}]/u.test(uri)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'SageMaker gave a container image for version {0} of {1} that is not a registry path; nothing was copied.',
        version ?? '?',
        ref.imageName,
      ),
    );
    return undefined;
  }
  await vscode.env.clipboard.writeText(uri);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', plainText(uri)), 4000);
  return uri;
}
