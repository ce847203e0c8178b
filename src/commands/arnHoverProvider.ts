/**
 * Image and image-version ARNs in any file come alive: hovering one shows, in place, whether the
 * version exists, its status, container image and aliases (or the image's status and latest
 * version), with links to reveal it in the tree, copy it, copy its container image URI or open it
 * in the console.
 *
 * Only the hovered line is scanned (findArnAt). Answers come from DescribeImageVersion +
 * ListAliases (or DescribeImage + the latest version) in the ARN's region, through the session's
 * client factory and profile, and are kept for 60 s per ARN. A hover that is cancelled aborts its
 * request. Failures are one line in the hover, never a notification.
 */
import * as vscode from 'vscode';
import { parseArn } from './model/arns';
import { isAwsError } from '../model/errors';
import { isKnownRegion } from '../model/regions';
import type { ParsedImageArn, ParsedImageVersionArn } from './model/arns';
import { SECTION } from '../model/settings';
import { findArnAt } from './model/arnScan';
import type { ImageUsage } from '../tree/imageUsage';
import { referenceLines } from '../tree/usageRows';
import { DetailsStore, type ImageOverview, type VersionDetails } from '../tree/model/detailsStore';
import type { SageMakerSession } from '../model/sageMakerSession';
import { statusIcon } from '../tree/model/statuses';
import { formatLocal, formatUtc } from '../tree/model/timeFormat';
import { commandLink, mdCode, mdText } from '../model/markdownText';
import { errorMessage } from '../model/errors';
import { commandIds, type CommandName } from '../model/commands';

export const HOVER_TTL_MS = 60_000;

const LINK_COMMANDS = commandIds('revealArn', 'copyVersionArn', 'copyImageArn', 'copyContainerImageUri', 'openInConsole');

/** The status's icon as Markdown (see model/statuses.ts). */
function statusIconText(status: string): string {
  return `$(${statusIcon(status).inText})`;
}

function link(label: string, command: CommandName, arg: string): string {
  return commandLink(label, command, [arg]);
}

function when(date: Date): string {
  return `${mdText(formatLocal(date))} · ${mdCode(formatUtc(date))}`;
}

/**
 * One line when the service answered for another account than the hovered ARN names (a
 * same-named resource of the profile's account must not pass for it), else undefined.
 */
function otherAccountLine(wanted: string, answeredArn: string): string | undefined {
  const answered = parseArn(answeredArn)?.account;
  if (!answered || answered === wanted) return undefined;
  return `$(warning) ${mdText(vscode.l10n.t('This ARN names account {0}; the profile reads account {1}, so it is not shown here.', wanted, answered))}`;
}

export class ArnHoverProvider implements vscode.HoverProvider {
  /** Hover answers, kept 60 s per ARN (the tree's details are kept until refresh). */
  readonly details: DetailsStore;

  constructor(
    session: SageMakerSession,
    /** The tree's usage scans, when the tree exists: a hover says who pins a version if a scan is cached, and never scans. */
    private readonly usage: () => ImageUsage | undefined = () => undefined,
  ) {
    this.details = new DetailsStore(session, { ttlMs: HOVER_TTL_MS });
  }

  /** "Pinned by 3 in Studio: …" when a usage scan of the region is cached; undefined otherwise. */
  private usageLine(arn: { region: string; imageName: string }, version?: number): string | undefined {
    const usage = this.usage();
    const scan = usage?.cached(arn.region);
    if (!usage || !scan) return undefined;
    const matches = usage.referencesTo(scan, arn.imageName, version);
    if (matches.length === 0) return `$(references) ${mdText(vscode.l10n.t('Not used in Studio (last scan)'))}`;
    return `$(references) ${mdText(vscode.l10n.t('Pinned by {0} in Studio: {1}', matches.length, referenceLines(matches, 3).join('; ')))}`;
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!vscode.workspace.getConfiguration(SECTION).get<boolean>('hovers.enabled', true)) return undefined;
    const line = document.lineAt(position.line).text;
    const match = findArnAt(line, position.character);
    if (!match) return undefined;
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    if (!isKnownRegion(match.parsed.region)) {
      // Never a client (or a request) for a region nobody serves: one line, no call.
      return new vscode.Hover(
        new vscode.MarkdownString(
          `$(warning) ${mdText(vscode.l10n.t('SageMaker: {0} is not a region SageMaker serves.', match.parsed.region))}`,
          true,
        ),
        range,
      );
    }
    if (!vscode.workspace.isTrusted) {
      // A file in an untrusted folder must not make calls with the user's credentials just by being hovered.
      return new vscode.Hover(
        new vscode.MarkdownString(mdText(vscode.l10n.t('SageMaker: trust this workspace to look up this ARN.'))),
        range,
      );
    }
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: LINK_COMMANDS };
      const { parsed, arn } = match;
      if (parsed.kind === 'imageVersion') {
        const answer = await this.details.version(parsed, controller.signal).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if (token.isCancellationRequested) return undefined;
        this.versionHover(md, parsed, arn, answer);
      } else {
        const answer = await this.details.image(parsed, controller.signal).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if (token.isCancellationRequested) return undefined;
        this.imageHover(md, parsed, arn, answer);
      }
      return new vscode.Hover(md, range);
    } finally {
      subscription.dispose();
    }
  }

  private versionHover(
    md: vscode.MarkdownString,
    arn: ParsedImageVersionArn,
    text: string,
    answer: { value: VersionDetails } | { error: unknown },
  ): void {
    md.appendMarkdown(
      `**${vscode.l10n.t('SageMaker image version')}** ${mdCode(arn.imageName)} · ${mdText(vscode.l10n.t('version {0}', arn.version))} · ${mdText(arn.region)}\n\n`,
    );
    const links = [
      link(vscode.l10n.t('Reveal in SageMaker Images'), 'revealArn', text),
      link(vscode.l10n.t('Copy ARN'), 'copyVersionArn', text),
    ];
    if ('error' in answer) {
      md.appendMarkdown(
        `${this.problem(answer.error, vscode.l10n.t('Version {0} of {1} does not exist in {2}.', arn.version, arn.imageName, arn.region))}\n\n`,
      );
      md.appendMarkdown(links.join(' · '));
      return;
    }
    const { details: d, aliases } = answer.value;
    const mismatch = otherAccountLine(arn.account, d.imageVersionArn);
    if (mismatch) {
      md.appendMarkdown(mismatch);
      return;
    }
    const lines = [
      `${statusIconText(d.imageVersionStatus)} **${mdText(d.imageVersionStatus)}**`,
      `${vscode.l10n.t('Created')}: ${when(d.creationTime)}`,
      `${vscode.l10n.t('Modified')}: ${when(d.lastModifiedTime)}`,
    ];
    if (d.failureReason) lines.push(`$(error) ${vscode.l10n.t('Failure reason')}: ${mdText(d.failureReason)}`);
    if (d.containerImage) lines.push(`${vscode.l10n.t('Container image')}: ${mdCode(d.containerImage)}`);
    lines.push(`${vscode.l10n.t('Aliases')}: ${aliases.length ? aliases.map(mdCode).join(', ') : vscode.l10n.t('none')}`);
    const used = this.usageLine(arn, arn.version);
    if (used) lines.push(used);
    md.appendMarkdown(`${lines.join('  \n')}\n\n`);
    if (d.containerImage) links.push(link(vscode.l10n.t('Copy Container Image URI'), 'copyContainerImageUri', text));
    links.push(link(vscode.l10n.t('Open in AWS Console'), 'openInConsole', text));
    md.appendMarkdown(links.join(' · '));
  }

  private imageHover(
    md: vscode.MarkdownString,
    arn: ParsedImageArn,
    text: string,
    answer: { value: ImageOverview } | { error: unknown },
  ): void {
    md.appendMarkdown(`**${vscode.l10n.t('SageMaker image')}** ${mdCode(arn.imageName)} · ${mdText(arn.region)}\n\n`);
    const links = [
      link(vscode.l10n.t('Reveal in SageMaker Images'), 'revealArn', text),
      link(vscode.l10n.t('Copy ARN'), 'copyImageArn', text),
    ];
    if ('error' in answer) {
      md.appendMarkdown(`${this.problem(answer.error, vscode.l10n.t('Image {0} does not exist in {1}.', arn.imageName, arn.region))}\n\n`);
      md.appendMarkdown(links.join(' · '));
      return;
    }
    const { image, latest } = answer.value;
    const mismatch = otherAccountLine(arn.account, image.imageArn);
    if (mismatch) {
      md.appendMarkdown(mismatch);
      return;
    }
    const lines = [`${statusIconText(image.imageStatus)} **${mdText(image.imageStatus)}**`];
    if (image.displayName) lines.push(`${vscode.l10n.t('Display name')}: ${mdText(image.displayName)}`);
    if (image.failureReason) lines.push(`$(error) ${vscode.l10n.t('Failure reason')}: ${mdText(image.failureReason)}`);
    lines.push(
      latest
        ? `${vscode.l10n.t('Latest version')}: ${mdText(`${latest.version} (${latest.imageVersionStatus}, ${formatLocal(latest.creationTime)})`)}`
        : `${vscode.l10n.t('Latest version')}: ${vscode.l10n.t('none')}`,
    );
    if (latest?.containerImage) lines.push(`${vscode.l10n.t('Container image')}: ${mdCode(latest.containerImage)}`);
    const used = this.usageLine(arn);
    if (used) lines.push(used);
    md.appendMarkdown(`${lines.join('  \n')}\n\n`);
    if (latest?.containerImage) links.push(link(vscode.l10n.t('Copy Container Image URI'), 'copyContainerImageUri', text));
    links.push(link(vscode.l10n.t('Open in AWS Console'), 'openInConsole', text));
    md.appendMarkdown(links.join(' · '));
  }

  /** One line: "does not exist" for a missing resource, else the mapped error's message. */
  private problem(error: unknown, notFound: string): string {
    if (isAwsError(error) && error.kind === 'notFound') return `$(circle-slash) ${mdText(notFound)}`;
    return `$(warning) ${mdText(errorMessage(error))}`;
  }
}
