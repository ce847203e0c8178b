/**
 * What the activation bundle needs to offer ARN hovers without loading the hover provider: where
 * hovers apply, and a cheap test that a line may hold a SageMaker ARN (the full scan and the
 * lookups live in arnHoverProvider.ts, loaded on the first line that passes).
 */
import type * as vscode from 'vscode';

/** Files on disk and untitled editors, in any language. */
export const HOVER_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function mayHoldArn(line: string): boolean {
  return line.includes(':sagemaker:') && line.includes('arn:');
}
