import * as vscode from 'vscode';
import { loadAws } from '../model/awsLayer';
import { CommandFailure, errorMessage } from '../model/errors';
import { plainText } from '../model/markdownText';
import type { CommandContext } from './context';

const KIND_LABELS: Record<string, () => string> = {
  sso: () => vscode.l10n.t('SSO'),
  role: () => vscode.l10n.t('role'),
  'web-identity': () => vscode.l10n.t('web identity'),
  process: () => vscode.l10n.t('credential process'),
  keys: () => vscode.l10n.t('keys'),
  other: () => vscode.l10n.t('config only'),
};

/**
 * Select AWS Profile…: every profile of the shared config and credentials files (read with the
 * SDK's loader), with its kind and region; or the SDK's default chain. Stored in the user
 * setting sagemakerImages.profile, whose change reloads the tree.
 */
export async function selectProfile(ctx: CommandContext): Promise<string | undefined> {
  // A config file that cannot be read fails the command; the boundary shows this and logs it.
  const profiles = await loadAws()
    .listProfiles()
    .catch((e: unknown) => {
      throw new CommandFailure(vscode.l10n.t('Could not read the AWS config files: {0}', errorMessage(e)), e);
    });
  const current = ctx.session.settings.profile;
  type Item = vscode.QuickPickItem & { profile: string | undefined };
  const items: Item[] = [
    {
      label: `${current === undefined ? '$(check) ' : ''}${vscode.l10n.t('Default credential chain')}`,
      description: process.env.AWS_PROFILE
        ? plainText(`AWS_PROFILE=${process.env.AWS_PROFILE}`)
        : vscode.l10n.t('environment, default profile, SSO, instance role'),
      profile: undefined,
    },
    ...profiles.map((p) => ({
      // Names, regions and endpoints come from the config files: text, never $(name) icons.
      label: `${p.name === current ? '$(check) ' : ''}${plainText(p.name)}`,
      description: plainText([KIND_LABELS[p.kind]?.(), p.region].filter(Boolean).join(' · ')),
      detail: p.endpointUrl ? vscode.l10n.t('endpoint {0}', plainText(p.endpointUrl)) : undefined,
      profile: p.name,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select AWS Profile'),
    placeHolder:
      profiles.length === 0
        ? vscode.l10n.t('No profiles in the shared AWS config or credentials files')
        : vscode.l10n.t('Profile to list SageMaker images with'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  await ctx.settings.write({ profile: picked.profile ?? '' }, 'user');
  return picked.profile ?? '';
}
