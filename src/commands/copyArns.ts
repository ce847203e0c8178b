import * as vscode from 'vscode';
import { plainText } from '../model/markdownText';

/** Puts ARNs on the clipboard, one per line, with a brief status-bar confirmation. */
export async function copyArns(arns: readonly string[], plural: 'image' | 'version'): Promise<string> {
  const text = arns.join('\n');
  await vscode.env.clipboard.writeText(text);
  const message =
    arns.length === 1
      ? vscode.l10n.t('$(copy) Copied {0}', plainText(arns[0]))
      : plural === 'image'
        ? vscode.l10n.t('$(copy) Copied {0} image ARNs', arns.length)
        : vscode.l10n.t('$(copy) Copied {0} version ARNs', arns.length);
  vscode.window.setStatusBarMessage(message, 4000);
  return text;
}
