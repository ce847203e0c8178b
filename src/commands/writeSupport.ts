/**
 * What every write command shares, so that each one confirms, follows and reports alike:
 * `whereText` (the account, region and profile a confirmation names), `confirmWrite` (one modal),
 * and `followWrite`, which polls the image or version a write put in a transient state
 * (CREATING, UPDATING, DELETING) until it settles, showing each state in the tree as it is seen,
 * and then says how it ended. Writes themselves stay in their commands: one ClientToken per user
 * action, made there, before the first send.
 */
import * as vscode from 'vscode';
import { isAwsError } from '../model/errors';
import { profileName } from '../model/settings';
import type { ImageSummary, ImageVersionSummary, VersionRef } from '../model/types';
import { commandId } from '../model/commands';
import { plainText } from '../model/markdownText';
import { isTransient } from '../tree/model/statuses';
import type { FollowedResource } from '../tree/liveStatus';
import type { CommandContext } from './context';
import { parseArn } from './model/arns';

/** Give up following after this long; the tree's live status and Refresh still show the end. */
const FOLLOW_LIMIT_MS = 30 * 60_000;
const DEFAULT_FIRST_POLL_MS = 5000;
const DEFAULT_MAX_POLL_MS = 60_000;

/** "account 111122223333 · us-east-1 · profile dev": what a confirmation acts on, from the ARN and the session. */
export function whereText(ctx: CommandContext, region: string, arn: string | undefined): string {
  const account = arn ? parseArn(arn)?.account : undefined;
  return [
    account ? vscode.l10n.t('account {0}', account) : undefined,
    region,
    vscode.l10n.t('profile {0}', profileName(ctx.session.settings.profile)),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One modal; resolves true only for the confirming button (Esc and Cancel: false). */
export async function confirmWrite(message: string, detail: string, confirmLabel: string): Promise<boolean> {
  const pick = await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel);
  return pick === confirmLabel;
}

/** The region a command's target names, or the session's. */
export async function regionOrSession(ctx: CommandContext, region: string): Promise<string> {
  return region || (await ctx.session.region());
}

type Followed<T> = { state: T } | { gone: true };

/**
 * Polls `describe` (first at once, then with the live-status backoff) until what it describes is
 * no longer transient or is gone, calling `show` with each answer so the row follows; resolves
 * with the last one, or undefined when it stopped following (window closed, time limit, repeated
 * failures). Runs with a window progress (status bar), never a modal.
 */
async function follow<T extends { readonly status: string }>(
  ctx: CommandContext,
  progressTitle: string,
  resource: FollowedResource,
  describe: () => Promise<T>,
  show: (state: T | undefined) => void,
): Promise<Followed<T> | undefined> {
  const { baseMs = DEFAULT_FIRST_POLL_MS, maxMs = DEFAULT_MAX_POLL_MS } = ctx.tree.live.intervals;
  const started = Date.now();
  // Live status leaves this row to us while we follow it: one poller per row.
  const release = ctx.tree.live.follow(resource);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: progressTitle }, async () => {
    try {
      return await followLoop();
    } finally {
      release();
    }
  });

  async function followLoop(): Promise<Followed<T> | undefined> {
    let delay = 0;
    let failures = 0;
    for (;;) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        const state = await describe();
        failures = 0;
        show(state);
        if (!isTransient(state.status)) return { state };
      } catch (e) {
        if (isAwsError(e) && e.kind === 'notFound') {
          show(undefined);
          return { gone: true };
        }
        failures += 1;
        ctx.log.warn(`${progressTitle}: polling failed (${failures}): ${String((e as Error)?.message ?? e)}`);
        if (failures >= 5) return undefined;
      }
      if (Date.now() - started > FOLLOW_LIMIT_MS) return undefined;
      delay = delay === 0 ? baseMs : Math.min(delay * 2, Math.max(maxMs, baseMs));
    }
  }
}

/** Follows a version a write put in a transient state; reports how it ended (Show Details on a failure). */
export async function followVersion(ctx: CommandContext, ref: VersionRef, what: 'create' | 'delete'): Promise<string | undefined> {
  const title =
    what === 'create'
      ? vscode.l10n.t('Creating version {0} of {1}…', ref.version, ref.imageName)
      : vscode.l10n.t('Deleting version {0} of {1}…', ref.version, ref.imageName);
  const end = await follow<ImageVersionSummary & { status: string }>(
    ctx,
    title,
    ref,
    async () => {
      const d = await ctx.session.call('describeImageVersion', { imageName: ref.imageName, version: ref.version }, { region: ref.region });
      return { ...summaryOf(d), status: d.imageVersionStatus };
    },
    (state) => ctx.tree.showVersion(ref.region, ref.imageName, ref.version, state && summaryOf(state)),
  );
  if (!end) return undefined;
  if ('gone' in end) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} of {1} was deleted.', ref.version, ref.imageName));
    return 'DELETED';
  }
  const { state } = end;
  if (state.status === 'CREATED') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} of {1} is CREATED.', ref.version, ref.imageName));
  } else {
    const showDetails = vscode.l10n.t('Show Details');
    void vscode.window
      .showErrorMessage(
        plainText(
          vscode.l10n.t(
            'Version {0} of {1} is {2}: {3}',
            ref.version,
            ref.imageName,
            state.status,
            state.failureReason ?? vscode.l10n.t('no reason given'),
          ),
        ),
        showDetails,
      )
      .then((pick) => {
        if (pick === showDetails) void vscode.commands.executeCommand(commandId('showVersionDetails'), state.imageVersionArn);
      });
  }
  return state.status;
}

/** Follows an image a write put in a transient state (CREATING, UPDATING, DELETING); reports how it ended. */
export async function followImage(
  ctx: CommandContext,
  region: string,
  imageName: string,
  what: 'create' | 'update' | 'delete',
): Promise<string | undefined> {
  const title = {
    create: vscode.l10n.t('Creating image {0}…', imageName),
    update: vscode.l10n.t('Updating image {0}…', imageName),
    delete: vscode.l10n.t('Deleting image {0}…', imageName),
  }[what];
  const end = await follow<ImageSummary & { status: string }>(
    ctx,
    title,
    { region, imageName },
    async () => {
      const d = await ctx.session.call('describeImage', { imageName }, { region });
      return { ...d, status: d.imageStatus };
    },
    (state) => ctx.tree.showImage(region, imageName, state && imageSummaryOf(state)),
  );
  if (!end) return undefined;
  if ('gone' in end) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Image {0} was deleted.', imageName));
    return 'DELETED';
  }
  const { state } = end;
  if (state.status === 'CREATED') {
    void vscode.window.showInformationMessage(
      what === 'update' ? vscode.l10n.t('Image {0} was updated.', imageName) : vscode.l10n.t('Image {0} is CREATED.', imageName),
    );
  } else {
    void vscode.window.showErrorMessage(
      plainText(vscode.l10n.t('Image {0} is {1}: {2}', imageName, state.status, state.failureReason ?? vscode.l10n.t('no reason given'))),
    );
  }
  return state.status;
}

function summaryOf(d: ImageVersionSummary): ImageVersionSummary {
  const { imageArn, imageVersionArn, version, imageVersionStatus, creationTime, lastModifiedTime, failureReason } = d;
  return {
    imageArn,
    imageVersionArn,
    version,
    imageVersionStatus,
    creationTime,
    lastModifiedTime,
    ...(failureReason ? { failureReason } : {}),
  };
}

function imageSummaryOf(d: ImageSummary): ImageSummary {
  const { imageName, imageArn, imageStatus, creationTime, lastModifiedTime, displayName, description, failureReason } = d;
  return {
    imageName,
    imageArn,
    imageStatus,
    creationTime,
    lastModifiedTime,
    ...(displayName ? { displayName } : {}),
    ...(description ? { description } : {}),
    ...(failureReason ? { failureReason } : {}),
  };
}
