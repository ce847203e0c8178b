/**
 * Add Alias…: UpdateImageVersion with AliasesToAdd. An alias is unique within an image, so one
 * another version holds is moved: after asking, it is removed there (AliasesToDelete), then added
 * here. Who holds an alias is asked of the service (DescribeImageVersion by Alias), not guessed
 * from what the tree has loaded.
 */
import * as vscode from 'vscode';
import { isAwsError } from '../model/errors';
import { checkAliases, checkField } from '../requests/imageFields';
import { plainText } from '../model/markdownText';
import type { VersionRef } from '../model/types';
import type { CommandContext } from './context';
import { versionTarget } from './targets';
import { askAliases } from './writeForms';
import { confirmWrite, regionOrSession, whereText } from './writeSupport';

export async function addAlias(ctx: CommandContext, arg?: unknown): Promise<string[] | undefined> {
  const title = vscode.l10n.t('Add Alias…');
  const target = await versionTarget(ctx, arg, title);
  if (!target) return undefined;
  const ref = { ...target, region: await regionOrSession(ctx, target.region) };
  const { details, aliases: current } = await ctx.tree.details.version(ref);
  const aliases = await askAliases({
    title: vscode.l10n.t('Add Alias… — version {0} of {1}', ref.version, ref.imageName),
    prompt: vscode.l10n.t('Aliases to add to version {0} (comma-separated)', ref.version),
    validate: (alias) =>
      checkField('alias', alias) ??
      (current.includes(alias) ? vscode.l10n.t('Version {0} already has alias {1}.', ref.version, alias) : undefined),
  });
  if (!aliases || aliases.length === 0) return undefined;
  const invalid = checkAliases(aliases);
  if (invalid) {
    void vscode.window.showErrorMessage(plainText(invalid));
    return undefined;
  }
  const where = whereText(ctx, ref.region, details.imageVersionArn);
  if (!(await moveHeldAliases(ctx, ref, aliases, where))) return undefined;
  if (
    !(await confirmWrite(
      vscode.l10n.t('Add {0} to version {1} of {2}?', aliases.join(', '), ref.version, ref.imageName),
      where,
      vscode.l10n.t('Add Alias'),
    ))
  )
    return undefined;
  await ctx.session.call(
    'updateImageVersion',
    { imageName: ref.imageName, version: ref.version, aliasesToAdd: aliases },
    { region: ref.region },
  );
  ctx.tree.refreshVersionRow(ref);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Version {0} of {1} now has alias {2}.', ref.version, ref.imageName, aliases.join(', ')),
  );
  return aliases;
}

/**
 * For aliases about to be added to `ref`: finds any held by another version of the image, asks
 * once to move them, and removes them there. False when the user declined (nothing was changed).
 */
export async function moveHeldAliases(ctx: CommandContext, ref: VersionRef, aliases: readonly string[], where: string): Promise<boolean> {
  const held: { alias: string; version: number }[] = [];
  for (const alias of aliases) {
    try {
      const holder = await ctx.session.call('describeImageVersion', { imageName: ref.imageName, alias }, { region: ref.region });
      if (holder.version !== ref.version) held.push({ alias, version: holder.version });
    } catch (e) {
      if (!(isAwsError(e) && e.kind === 'notFound')) throw e;
    }
  }
  if (held.length === 0) return true;
  const lines = held.map((h) => vscode.l10n.t('{0} is on version {1}', h.alias, h.version));
  const move = await confirmWrite(
    vscode.l10n.t('Move {0} to version {1} of {2}?', held.map((h) => h.alias).join(', '), ref.version, ref.imageName),
    [...lines, '', where].join('\n'),
    vscode.l10n.t('Move Alias'),
  );
  if (!move) return false;
  for (const h of held) {
    await ctx.session.call(
      'updateImageVersion',
      { imageName: ref.imageName, version: h.version, aliasesToDelete: [h.alias] },
      { region: ref.region },
    );
    ctx.tree.refreshVersionRow({ ...ref, version: h.version });
  }
  return true;
}
