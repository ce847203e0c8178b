/**
 * A QuickPick fed page by page by the same paged calls as the tree (a PagedList): it shows the
 * first page at once and a "Load more…" entry while the service has more. Resolves to the picked
 * item, or undefined when dismissed.
 */
import * as vscode from 'vscode';
import type { FetchPage } from '../tree/model/pagedList';
import { PagedList } from '../tree/model/pagedList';
import { errorMessage } from '../model/errors';
import { plainText } from '../model/markdownText';

interface Entry<T> extends vscode.QuickPickItem {
  value?: T;
  loadMore?: true;
}

export async function pickFromPages<T>(options: {
  title: string;
  placeholder: string;
  what: string;
  fetchPage: FetchPage<T>;
  toItem(value: T): vscode.QuickPickItem;
}): Promise<T | undefined> {
  const list = new PagedList<T>(options.fetchPage, options.what);
  const picker = vscode.window.createQuickPick<Entry<T>>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.matchOnDescription = true;

  const render = () => {
    const entries: Entry<T>[] = list.items.map((value) => ({ ...options.toItem(value), value }));
    if (list.hasMore) entries.push({ label: `$(ellipsis) ${vscode.l10n.t('Load more…')}`, alwaysShow: true, loadMore: true });
    if (list.error !== undefined)
      entries.push({
        label: `$(error) ${plainText(errorMessage(list.error))}`,
        detail: vscode.l10n.t('Select to retry'),
        alwaysShow: true,
        loadMore: true,
      });
    if (entries.length === 0) entries.push({ label: vscode.l10n.t('Nothing to pick from'), alwaysShow: true });
    picker.items = entries;
  };
  const load = async () => {
    picker.busy = true;
    await list.loadNext();
    picker.busy = false;
    render();
  };

  return new Promise<T | undefined>((resolve) => {
    let settled = false;
    const finish = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      picker.dispose();
      list.reset();
    };
    picker.onDidAccept(() => {
      const [chosen] = picker.selectedItems;
      if (!chosen) return;
      if (chosen.loadMore) {
        void load();
        return;
      }
      if (chosen.value !== undefined) finish(chosen.value);
    });
    picker.onDidHide(() => finish(undefined));
    picker.show();
    void load();
  });
}
