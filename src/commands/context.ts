import type * as vscode from 'vscode';
import type { SageMakerSession } from '../model/sageMakerSession';
import type { ImagesTreeProvider } from '../tree/imagesTreeProvider';
import type { Node } from '../tree/nodes';

/** What every command may use. */
export interface CommandContext {
  readonly session: SageMakerSession;
  readonly tree: ImagesTreeProvider;
  readonly view: vscode.TreeView<Node>;
  readonly logChannel: vscode.LogOutputChannel;
}
