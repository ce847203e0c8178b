/**
 * A status-bar item, shown while the Images view is visible, reading `profile · region` (with a
 * plug when a custom endpoint is in use). Clicking it offers the profile and region pickers.
 */
import * as vscode from 'vscode';
import { redact } from '../model/log';
import { commandId } from '../model/commands';
import { mdCode } from '../model/markdownText';
import type { SageMakerSession } from '../model/sageMakerSession';
import { profileName } from '../model/settings';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sagemakerImages.connection', vscode.StatusBarAlignment.Left, 50);
  private visible = false;

  constructor(private readonly session: SageMakerSession) {
    this.item.name = vscode.l10n.t('SageMaker Images: profile and region');
    this.item.command = commandId('chooseConnection');
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    // Deferred: resolving the region loads the SDK, which activation must not wait for.
    if (visible) setTimeout(() => void this.update(), 0);
    else this.item.hide();
  }

  /** Re-reads profile, region and endpoint; the region resolution may read the profile. */
  async update(): Promise<void> {
    if (!this.visible) return;
    const settings = this.session.settings;
    const profile = profileName(settings.profile);
    const connection = await this.session.connection().catch(() => undefined);
    const region = connection?.region ?? '?';
    // Shown, so redacted: an endpoint from the environment may carry user info.
    const endpoint = connection?.endpoint ? redact(connection.endpoint) : undefined;
    this.item.text = `$(cloud) ${profile} · ${region}${endpoint ? ' $(plug)' : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${vscode.l10n.t('SageMaker Images')}**  \n`);
    tooltip.appendMarkdown(
      `${vscode.l10n.t('Profile')}: ${mdCode(profile)}${settings.profile ? '' : ` (${vscode.l10n.t('default chain')})`}  \n`,
    );
    tooltip.appendMarkdown(`${vscode.l10n.t('Region')}: ${mdCode(region)}  \n`);
    if (endpoint) tooltip.appendMarkdown(`${vscode.l10n.t('Custom endpoint')}: ${mdCode(endpoint)}  \n`);
    tooltip.appendMarkdown(`\n${vscode.l10n.t('Click to change the profile or region.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('SageMaker Images: profile {0}, region {1}', profile, region) };
    if (this.visible) this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
