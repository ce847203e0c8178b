import * as vscode from 'vscode';
import { IMAGE_ARN, IMAGE_VERSION_ARN, parseArn } from './model/arns';
import { isCancelled } from '../model/errors';
import { isKnownRegion } from '../model/regions';
import type { RevealOutcome } from '../tree/imagesTreeProvider';
import { errorMessage } from '../model/errors';
import type { CommandContext } from './context';
import { plainText } from '../model/markdownText';
import { commandId } from '../model/commands';

export type RevealResult = RevealOutcome['kind'] | 'cancelled' | 'invalid' | 'otherAccount';

/**
 * At most this many list calls for one Reveal: the same cap as Export Versions (exportPages). An
 * endpoint that keeps returning new tokens must not get calls for ever.
 */
export const REVEAL_MAX_PAGES = 10_000;

export interface RevealOptions {
  /**
   * The caller already asked whether to switch region. Honoured only with a `cancellation` token:
   * a command link's JSON arguments cannot carry one, so no link can switch region unasked.
   */
  confirmRegionSwitch?: boolean;
  /** Cancels like the notification's Cancel button (for callers that drive Reveal). */
  cancellation?: vscode.CancellationToken;
  /** A lower page cap than REVEAL_MAX_PAGES (never a higher one). */
  maxPages?: number;
}

/** Longer than any image or image-version ARN the model allows (256): refused before any pattern runs. */
const MAX_ARN_INPUT = 1024;

function arnProblem(text: string): string | undefined {
  if (text.length > MAX_ARN_INPUT)
    return vscode.l10n.t('Not a SageMaker image or image version ARN (longer than {0} characters).', MAX_ARN_INPUT);
  const value = text.trim();
  if (value === '') return vscode.l10n.t('Paste an image ARN (…:image/NAME) or an image version ARN (…:image-version/NAME/VERSION).');
  const parsed = parseArn(value);
  if (parsed && !isKnownRegion(parsed.region)) return vscode.l10n.t('{0} is not a region SageMaker serves.', parsed.region);
  if (parsed) return undefined;
  if (/:image-version\//.test(value) && !IMAGE_VERSION_ARN.test(value)) {
    return vscode.l10n.t(
      'Not an image version ARN: expected arn:PARTITION:sagemaker:REGION:ACCOUNT:image-version/NAME/VERSION, with a lower-case name.',
    );
  }
  if (/:image\//.test(value) && !IMAGE_ARN.test(value))
    return vscode.l10n.t('Not an image ARN: expected arn:PARTITION:sagemaker:REGION:ACCOUNT:image/NAME.');
  return vscode.l10n.t('Not a SageMaker image or image version ARN.');
}

/**
 * Reveal Image Version by ARN…: validates the ARN against the model's patterns, switches region
 * (after asking) when the ARN's region is not shown, then loads only the pages it takes to reach
 * the image and version and selects the row. Never more than REVEAL_MAX_PAGES calls, under a
 * notification whose Cancel aborts the page on its way.
 */
export async function revealArn(ctx: CommandContext, arg?: unknown, options?: RevealOptions): Promise<RevealResult> {
  let text = typeof arg === 'string' ? arg : undefined;
  const problem =
    text === undefined
      ? arg === undefined
        ? undefined
        : vscode.l10n.t('Reveal takes an image or image version ARN; it was given something else, and did nothing.')
      : arnProblem(text);
  if (problem) {
    void vscode.window.showErrorMessage(plainText(problem));
    return 'invalid';
  }
  text ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('Reveal Image Version by ARN'),
    prompt: vscode.l10n.t('An image or image version ARN'),
    placeHolder: 'arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image/3',
    ignoreFocusOut: true,
    validateInput: arnProblem,
  });
  if (text === undefined) return 'cancelled';
  const arn = parseArn(text);
  if (!arn || arnProblem(text)) return 'invalid';
  const version = arn.kind === 'imageVersion' ? arn.version : undefined;

  const maxPages =
    typeof options?.maxPages === 'number' && options.maxPages >= 1
      ? Math.min(Math.floor(options.maxPages), REVEAL_MAX_PAGES)
      : REVEAL_MAX_PAGES;
  // A token from a command link is JSON, not a token: only a real one (with its event) is used.
  const cancellation = typeof options?.cancellation?.onCancellationRequested === 'function' ? options.cancellation : undefined;
  const locate = () => locateWithProgress(ctx, arn.region, arn.imageName, version, maxPages, cancellation);
  let outcome = await locate();
  if (outcome === 'cancelled') return 'cancelled';
  if (outcome.kind === 'regionNotShown') {
    if (!(await switchRegion(ctx, arn.region, options?.confirmRegionSwitch === true && cancellation !== undefined))) return 'cancelled';
    outcome = await locate();
    if (outcome === 'cancelled') return 'cancelled';
  }
  if (outcome.kind === 'found') {
    const listedAccount = parseArn(outcome.image.image.imageArn)?.account;
    if (listedAccount && listedAccount !== arn.account) {
      // Same name, other account: selecting it would point at a different resource.
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The ARN names account {0}, but this profile lists the images of account {1}. Select a profile for account {0} to reveal it.',
          arn.account,
          listedAccount,
        ),
      );
      return 'otherAccount';
    }
  }
  switch (outcome.kind) {
    case 'found':
      await ctx.view.reveal(outcome.image, { expand: true, select: outcome.version === undefined, focus: outcome.version === undefined });
      if (outcome.version) await ctx.view.reveal(outcome.version, { select: true, focus: true });
      break;
    case 'imageNotListed':
      void offer(
        outcome.filtered
          ? vscode.l10n.t('Image {0} is not listed in {1}: the name filter hides it.', arn.imageName, arn.region)
          : vscode.l10n.t('Image {0} does not exist in {1} (account {2}) for this profile.', arn.imageName, arn.region, arn.account),
        outcome.filtered ? { title: vscode.l10n.t('Clear Name Filter'), run: () => clearNameFilter(ctx) } : undefined,
      );
      break;
    case 'versionNotListed':
      await ctx.view.reveal(outcome.image, { expand: true, select: true });
      void offer(
        outcome.filtered
          ? vscode.l10n.t('Version {0} of {1} is hidden by the version filters.', version ?? '?', arn.imageName)
          : vscode.l10n.t('Version {0} of {1} does not exist.', version ?? '?', arn.imageName),
        outcome.filtered
          ? {
              title: vscode.l10n.t('Clear Version Filters'),
              run: () => void vscode.commands.executeCommand(commandId('clearVersionFilters')),
            }
          : undefined,
      );
      break;
    case 'failed':
      if (outcome.image) await ctx.view.reveal(outcome.image, { expand: true });
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not reveal {0}: {1}', plainText(text.trim()), plainText(errorMessage(outcome.error))),
      );
      break;
    case 'regionNotShown':
      void vscode.window.showErrorMessage(vscode.l10n.t('Region {0} is still not shown; check the region settings.', arn.region));
      break;
  }
  return outcome.kind;
}

/**
 * The tree's locate under a cancellable notification: Cancel (or the caller's token) aborts the
 * page in flight, and the page cap bounds the calls.
 */
function locateWithProgress(
  ctx: CommandContext,
  region: string,
  imageName: string,
  version: number | undefined,
  maxPages: number,
  cancellation: vscode.CancellationToken | undefined,
): Thenable<RevealOutcome | 'cancelled'> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Revealing {0}', version === undefined ? imageName : `${imageName} v${version}`),
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = new AbortController();
      const subscriptions = [
        token.onCancellationRequested(() => abort.abort()),
        cancellation?.onCancellationRequested(() => abort.abort()),
      ];
      if (cancellation?.isCancellationRequested) abort.abort();
      try {
        const outcome = await ctx.tree.locate(region, imageName, version, { maxPages, signal: abort.signal });
        return abort.signal.aborted ? 'cancelled' : outcome;
      } catch (e) {
        if (abort.signal.aborted && isCancelled(e)) return 'cancelled';
        throw e;
      } finally {
        for (const s of subscriptions) s?.dispose();
      }
    },
  );
}

async function offer(message: string, action?: { title: string; run(): void }): Promise<void> {
  const pick = await vscode.window.showWarningMessage(message, ...(action ? [action.title] : []));
  if (pick && action) action.run();
}

function clearNameFilter(ctx: CommandContext): void {
  void ctx.query.setNameContains('').then(() => ctx.onQueryChanged('images'));
}

/**
 * Asks (unless the caller already did), then shows the ARN's region: replaces the region, or adds
 * it to the regions side by side.
 */
async function switchRegion(ctx: CommandContext, region: string, confirmed: boolean): Promise<boolean> {
  const sideBySide = ctx.tree.isSideBySide;
  const yes = sideBySide ? vscode.l10n.t('Add {0}', region) : vscode.l10n.t('Switch to {0}', region);
  const pick = confirmed
    ? yes
    : await vscode.window.showWarningMessage(
        sideBySide
          ? vscode.l10n.t(
              'The ARN is in {0}, which the view does not show ({1}). Add it to sagemakerImages.regions?',
              region,
              ctx.tree.region,
            )
          : vscode.l10n.t('The ARN is in {0}; the view lists {1}. Switch the region to {0}?', region, ctx.tree.region || '?'),
        { modal: true },
        yes,
      );
  if (pick !== yes) return false;
  // One entry in sagemakerImages.regions overrides sagemakerImages.region: change the one in force.
  const single = ctx.settings.regions().length === 1;
  if (sideBySide) await ctx.settings.write({ regions: [...ctx.tree.shownRegions, region] });
  else if (single) await ctx.settings.write({ regions: [region] });
  else await ctx.settings.write({ region });
  // The settings controller applies the change (the tree is rebuilt for the new region); the
  // locate that follows must run under it.
  await ctx.settled();
  return true;
}
