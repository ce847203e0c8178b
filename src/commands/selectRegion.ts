import * as vscode from 'vscode';
import { plainText } from '../model/markdownText';
import { SAGEMAKER_REGIONS } from '../model/regions';
import type { CommandContext } from './context';

const PARTITION_LABELS: Record<string, () => string> = {
  aws: () => vscode.l10n.t('AWS'),
  'aws-cn': () => vscode.l10n.t('AWS China'),
  'aws-us-gov': () => vscode.l10n.t('AWS GovCloud (US)'),
};

/** Select Region…: SageMaker's regions in every partition, the current one marked; stored in sagemakerImages.region. */
export async function selectRegion(ctx: CommandContext): Promise<string | undefined> {
  const current = await ctx.session.region().catch(() => undefined);
  type Item = vscode.QuickPickItem & { region?: string };
  const items: Item[] = [];
  const configured = ctx.session.settings.region;
  items.push({
    label: `${configured === undefined ? '$(check) ' : ''}${vscode.l10n.t('From the profile or environment')}`,
    // From the config file or AWS_REGION, unchecked: text, never $(name) icons.
    description: configured === undefined && current ? plainText(current) : undefined,
    region: '',
  });
  for (const [partition, regions] of Object.entries(SAGEMAKER_REGIONS)) {
    items.push({ label: PARTITION_LABELS[partition]?.() ?? partition, kind: vscode.QuickPickItemKind.Separator });
    for (const r of regions) {
      const active = configured === r.id;
      items.push({ label: `${active ? '$(check) ' : ''}${r.id}`, description: r.name, region: r.id });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select Region'),
    placeHolder: current ? vscode.l10n.t('Now listing in {0}', current) : vscode.l10n.t('Region to list SageMaker images in'),
    matchOnDescription: true,
  });
  if (!picked || picked.region === undefined) return undefined;
  await ctx.settings.write({ region: picked.region });
  return picked.region;
}
