/**
 * Loads the Images view's provider (dist/tree.js) on first use, and `DeferredTree`, the provider
 * VS Code is given at activation: it forwards to the real one, which it creates the first time
 * VS Code asks for a row or someone needs `tree`. Activation runs in every window (ARN hovers), and
 * parsing the tree's code there cost more than the rest of activation together; a window whose
 * view is closed never pays it. In tests compiled by tsc `../tree` is the module itself.
 */
import type * as vscode from 'vscode';
import type { ImagesTreeProvider, Node, TreeOptions } from '../tree';
import type { SageMakerSession } from '../model/sageMakerSession';

type TreeModule = typeof import('../tree');

function loadTree(): TreeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred require is the point: see above.
  return require('../tree') as TreeModule;
}

export class DeferredTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private real: ImagesTreeProvider | undefined;
  private visible = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly session: SageMakerSession,
    private readonly options: TreeOptions,
    /** Events of the real provider, forwarded as soon as it exists. */
    private readonly forward: {
      readonly changed: vscode.EventEmitter<Node | undefined>;
      readonly refreshedAll: () => void;
    },
  ) {
    this.onDidChangeTreeData = forward.changed.event;
  }

  readonly onDidChangeTreeData: vscode.Event<Node | undefined>;

  /** The provider, created (with its bundle) on first use. */
  get provider(): ImagesTreeProvider {
    if (!this.real) {
      const real = new (loadTree().ImagesTreeProvider)(this.session, this.options);
      this.subscriptions.push(
        real.onDidChangeTreeData((node) => this.forward.changed.fire(node)),
        real.onDidRefreshAll(() => this.forward.refreshedAll()),
      );
      real.setVisible(this.visible);
      this.real = real;
    }
    return this.real;
  }

  /** The provider if something has created it; nothing to refresh or pause before that. */
  get loaded(): ImagesTreeProvider | undefined {
    return this.real;
  }

  /** The region the roots were listed in ('' until the tree has listed them). */
  get region(): string {
    return this.real?.region ?? '';
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.real?.setVisible(visible);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return this.provider.getTreeItem(node);
  }

  getChildren(node?: Node): Promise<Node[]> {
    return this.provider.getChildren(node);
  }

  getParent(node: Node): Node | undefined {
    return this.provider.getParent(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: Node, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    return this.provider.resolveTreeItem(item, node, token);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.real?.dispose();
    this.forward.changed.dispose();
  }
}
