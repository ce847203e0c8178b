/**
 * A scripted user for the write commands' forms in the real host. The forms are built from
 * vscode.window.createInputBox and createQuickPick (multi-step, with Back and validation as it is
 * typed), the confirmations are modal showWarningMessage calls, and the ends are notifications;
 * none of that can be driven from an extension test through the workbench. So for the span of one
 * command this replaces those window functions with fakes that keep the API's contract (events,
 * value, selection, busy, validationMessage, dispose), and answers each box from a script, in
 * order, the way a user would type: set the value, fire onDidChangeValue, press Enter (onDidAccept)
 * and see whether the box closed. Everything the command does with the answers — its own
 * validation, Back, the request it builds and sends — runs for real.
 *
 * What each box showed (title, step, pre-filled value and its selection, items, validation
 * message) and every dialog and notification is recorded for the test to assert on. A script
 * that does not fit what the command shows (an item that is not there, an answer refused that
 * should pass, a box left unanswered) is recorded in `problems` and the box is closed, so the
 * command ends and the test fails on `problems` instead of hanging.
 */
import * as vscode from 'vscode';

/** One answer of the scripted user, for the next box (or the same one after a refusal). */
export type Answer =
  /** Type this (or this function of the pre-filled value) and press Enter: it must be accepted. */
  | { readonly type: string | ((prefilled: string) => string) }
  /** Type this and press Enter: it must be refused (the box stays, with a validation message). */
  | { readonly refused: string; readonly because?: RegExp }
  /** Press Enter on what the box holds (an input box's pre-filled value, a pick's active item). */
  | 'enter'
  /** Pick the item with this label (codicons stripped), or these items of a multi-select pick. */
  | { readonly pick: string | readonly string[] }
  | 'back'
  | 'escape';

export interface ShownBox {
  readonly kind: 'input' | 'pick' | 'showInputBox' | 'showQuickPick';
  readonly title?: string;
  readonly step?: number;
  readonly totalSteps?: number;
  readonly value?: string;
  readonly valueSelection?: readonly [number, number];
  readonly prompt?: string;
  readonly placeholder?: string;
  readonly items?: readonly { label: string; description?: string }[];
  readonly active?: string;
  readonly hasBack: boolean;
  /** Validation messages shown while the script typed into it, in order. */
  readonly refusals: string[];
}

export interface Dialog {
  readonly kind: 'warning' | 'information' | 'error';
  readonly message: string;
  readonly modal: boolean;
  readonly detail?: string;
  readonly items: readonly string[];
}

type Win = Record<
  | 'createInputBox'
  | 'createQuickPick'
  | 'showInputBox'
  | 'showQuickPick'
  | 'showWarningMessage'
  | 'showInformationMessage'
  | 'showErrorMessage'
  | 'withProgress',
  unknown
>;

/** A progress the command showed while the fake was installed: its title and each message it reported. */
export interface ShownProgress {
  readonly title?: string;
  readonly cancellable: boolean;
  readonly messages: string[];
  /** Whether the scripted user pressed Cancel on it. */
  cancelled: boolean;
}

const strip = (label: string) => label.replace(/\$\([\w-]+\)\s*/g, '');

/** Resolves once `done()` holds, checking after each turn of the event loop; a deadline, not a delay. */
async function until(done: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/** The members an input box and a quick pick share, as a new one has them. */
function quickInputFields() {
  return {
    value: '',
    placeholder: undefined as string | undefined,
    title: undefined as string | undefined,
    step: undefined as number | undefined,
    totalSteps: undefined as number | undefined,
    enabled: true,
    busy: false,
    ignoreFocusOut: false,
    buttons: [] as readonly vscode.QuickInputButton[],
  };
}

export class ScriptedUi {
  readonly shown: ShownBox[] = [];
  readonly dialogs: Dialog[] = [];
  readonly problems: string[] = [];
  private readonly answers: Answer[];
  private saved: Partial<Win> = {};

  /**
   * `answers` answers the boxes in order; `decide` answers each dialog that offers buttons (the
   * label to press, or undefined for Esc / Cancel); notifications without buttons are only recorded.
   */
  readonly progress: ShownProgress[] = [];

  constructor(
    answers: readonly Answer[],
    private readonly decide: (dialog: Dialog) => string | undefined = () => undefined,
    /**
     * When set, progress notifications are faked too, and the user presses Cancel on each cancellable
     * one once it has reported this many messages (0: at once); progress elsewhere (the view's) is
     * real. Unset, the real withProgress runs for all.
     */
    private readonly cancelProgressAfter?: number,
  ) {
    this.answers = [...answers];
  }

  /** Answers not used: a script longer than the form is a problem too (the test expected more steps). */
  get unused(): readonly Answer[] {
    return this.answers;
  }

  /** Runs `action` with the fakes installed and puts the real window functions back afterwards. */
  async run<T>(action: () => Thenable<T> | Promise<T>): Promise<T> {
    this.install();
    try {
      return await action();
    } finally {
      this.restore();
    }
  }

  private install(): void {
    const win = vscode.window as unknown as Win;
    const replaced = [
      'createInputBox',
      'createQuickPick',
      'showInputBox',
      'showQuickPick',
      'showWarningMessage',
      'showInformationMessage',
      'showErrorMessage',
      'withProgress',
    ] as const;
    this.saved = Object.fromEntries(replaced.map((k) => [k, win[k]]));
    if (this.cancelProgressAfter !== undefined) win.withProgress = this.withProgress.bind(this);
    win.createInputBox = () => this.inputBox();
    win.createQuickPick = () => this.quickPick();
    win.showInputBox = (options?: vscode.InputBoxOptions) => this.showInputBox(options ?? {});
    win.showQuickPick = (
      items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
      options?: vscode.QuickPickOptions,
    ) => this.showQuickPick(items, options ?? {});
    win.showWarningMessage = (message: string, ...rest: unknown[]) => this.dialog('warning', message, rest);
    win.showInformationMessage = (message: string, ...rest: unknown[]) => this.dialog('information', message, rest);
    win.showErrorMessage = (message: string, ...rest: unknown[]) => this.dialog('error', message, rest);
  }

  /** withProgress as the user sees it: reports are recorded, and Cancel is pressed after `cancelProgressAfter` of them. */
  private withProgress<R>(
    options: vscode.ProgressOptions,
    task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
  ): Thenable<R> {
    // Only notifications are the user's to cancel; the view's own progress (a page loading) runs as it would.
    if (options.location !== vscode.ProgressLocation.Notification) {
      const real = this.saved.withProgress as typeof vscode.window.withProgress;
      return real(options, task);
    }
    const shown: ShownProgress = { title: options.title, cancellable: !!options.cancellable, messages: [], cancelled: false };
    this.progress.push(shown);
    const source = new vscode.CancellationTokenSource();
    const cancelIfDue = () => {
      if (shown.cancellable && !shown.cancelled && shown.messages.length >= (this.cancelProgressAfter ?? Infinity)) {
        shown.cancelled = true;
        source.cancel();
      }
    };
    const progress = {
      report: (value: { message?: string }) => {
        if (value.message !== undefined) shown.messages.push(value.message);
        // After the report returns, as a click lands after the notification showed it.
        setImmediate(cancelIfDue);
      },
    };
    setImmediate(cancelIfDue);
    return Promise.resolve(task(progress, source.token)).finally(() => source.dispose());
  }

  private restore(): void {
    Object.assign(vscode.window as unknown as Win, this.saved);
  }

  private dialog(kind: Dialog['kind'], message: string, rest: unknown[]): Promise<string | undefined> {
    const options =
      rest.length > 0 && typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0])
        ? (rest.shift() as vscode.MessageOptions)
        : {};
    const items = rest.map((r) => (typeof r === 'string' ? r : (r as vscode.MessageItem).title));
    const d: Dialog = { kind, message, modal: !!options.modal, detail: options.detail, items };
    this.dialogs.push(d);
    return Promise.resolve(items.length > 0 ? this.decide(d) : undefined);
  }

  private next(what: string): Answer | undefined {
    const answer = this.answers.shift();
    if (answer === undefined) this.problems.push(`no answer left for ${what}`);
    return answer;
  }

  private inputBox(): vscode.InputBox {
    const changed = new vscode.EventEmitter<string>();
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const button = new vscode.EventEmitter<vscode.QuickInputButton>();
    let disposed = false;
    const box = {
      ...quickInputFields(),
      valueSelection: undefined as readonly [number, number] | undefined,
      prompt: undefined as string | undefined,
      validationMessage: undefined as string | vscode.InputBoxValidationMessage | undefined,
      password: false,
      onDidChangeValue: changed.event,
      onDidAccept: accepted.event,
      onDidHide: hidden.event,
      onDidTriggerButton: button.event,
      show: () => void this.drive(record()),
      hide: () => hidden.fire(),
      dispose: () => {
        disposed = true;
      },
    };
    const record = (): {
      shown: ShownBox;
      type: (v: string) => Promise<boolean>;
      enter: () => Promise<boolean>;
      back: () => void;
      escape: () => void;
    } => {
      const shown: ShownBox = {
        kind: 'input',
        title: box.title,
        step: box.step,
        totalSteps: box.totalSteps,
        value: box.value,
        valueSelection: box.valueSelection,
        prompt: box.prompt,
        placeholder: box.placeholder,
        hasBack: box.buttons.includes(vscode.QuickInputButtons.Back),
        refusals: [],
      };
      this.shown.push(shown);
      const enter = async () => {
        accepted.fire();
        // The form's accept handler sets busy while it checks (synchronously, before its first await).
        await until(() => disposed || !box.busy);
        if (!disposed) {
          const m = box.validationMessage;
          shown.refusals.push(typeof m === 'string' ? m : (m?.message ?? '(refused without a message)'));
        }
        return disposed;
      };
      return {
        shown,
        type: async (v) => {
          box.value = v;
          changed.fire(v);
          return enter();
        },
        enter,
        back: () => button.fire(vscode.QuickInputButtons.Back),
        escape: () => hidden.fire(),
      };
    };
    return box as unknown as vscode.InputBox;
  }

  private quickPick(): vscode.QuickPick<vscode.QuickPickItem> {
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const button = new vscode.EventEmitter<vscode.QuickInputButton>();
    const pick = {
      items: [] as readonly vscode.QuickPickItem[],
      activeItems: [] as readonly vscode.QuickPickItem[],
      selectedItems: [] as readonly vscode.QuickPickItem[],
      canSelectMany: false,
      matchOnDescription: false,
      matchOnDetail: false,
      ...quickInputFields(),
      onDidAccept: accepted.event,
      onDidHide: hidden.event,
      onDidTriggerButton: button.event,
      onDidChangeValue: new vscode.EventEmitter<string>().event,
      onDidChangeActive: new vscode.EventEmitter<readonly vscode.QuickPickItem[]>().event,
      onDidChangeSelection: new vscode.EventEmitter<readonly vscode.QuickPickItem[]>().event,
      onDidTriggerItemButton: new vscode.EventEmitter<vscode.QuickPickItemButtonEvent<vscode.QuickPickItem>>().event,
      show: () => void drive(),
      hide: () => hidden.fire(),
      dispose: () => undefined,
    };
    const drive = async () => {
      // A picker that loads its items after show() (the paged pickers) is read once they are there, as a user waits for them.
      await Promise.resolve();
      if (!(await until(() => !pick.busy))) this.problems.push(`the pick “${pick.title ?? ''}” stayed busy (its items never came)`);
      const shown: ShownBox = {
        kind: 'pick',
        title: pick.title,
        step: pick.step,
        totalSteps: pick.totalSteps,
        placeholder: pick.placeholder,
        items: pick.items.map((i) => ({ label: strip(i.label), description: i.description })),
        active: pick.activeItems[0] && strip(pick.activeItems[0].label),
        hasBack: pick.buttons.includes(vscode.QuickInputButtons.Back),
        refusals: [],
      };
      this.shown.push(shown);
      await Promise.resolve();
      const answer = this.next(`the pick “${pick.title ?? ''}” step ${pick.step ?? ''}`);
      if (answer === undefined || answer === 'escape') return hidden.fire();
      if (answer === 'back') return button.fire(vscode.QuickInputButtons.Back);
      if (answer === 'enter') return accepted.fire();
      if (typeof answer === 'object' && 'pick' in answer && typeof answer.pick === 'string') {
        const item = pick.items.find((i) => strip(i.label) === answer.pick);
        if (!item) {
          this.problems.push(`no item “${answer.pick}” in ${JSON.stringify(shown.items?.map((i) => i.label))}`);
          return hidden.fire();
        }
        pick.selectedItems = [item];
        pick.activeItems = [item];
        return accepted.fire();
      }
      this.problems.push(`a pick cannot take ${JSON.stringify(answer)}`);
      hidden.fire();
    };
    return pick as unknown as vscode.QuickPick<vscode.QuickPickItem>;
  }

  /** Answers one input box with as many script entries as it takes (refusals stay on the box). */
  private async drive(box: {
    shown: ShownBox;
    type: (v: string) => Promise<boolean>;
    enter: () => Promise<boolean>;
    back: () => void;
    escape: () => void;
  }): Promise<void> {
    await Promise.resolve();
    for (;;) {
      const answer = this.next(`the input box “${box.shown.title ?? ''}” step ${box.shown.step ?? ''}`);
      if (answer === undefined || answer === 'escape') return box.escape();
      if (answer === 'back') return box.back();
      if (answer === 'enter') {
        if (!(await box.enter())) {
          this.problems.push(`Enter on “${box.shown.value}” was refused: ${box.shown.refusals.at(-1)}`);
          return box.escape();
        }
        return;
      }
      if (typeof answer === 'object' && 'type' in answer) {
        const text = typeof answer.type === 'function' ? answer.type(box.shown.value ?? '') : answer.type;
        if (!(await box.type(text))) {
          this.problems.push(`“${text}” was refused: ${box.shown.refusals.at(-1)}`);
          return box.escape();
        }
        return;
      }
      if (typeof answer === 'object' && 'refused' in answer) {
        if (await box.type(answer.refused)) {
          this.problems.push(`“${answer.refused}” was accepted; it should have been refused`);
          return;
        }
        const why = box.shown.refusals.at(-1) ?? '';
        if (answer.because && !answer.because.test(why))
          this.problems.push(`“${answer.refused}” was refused with “${why}”, not ${answer.because}`);
        continue;
      }
      this.problems.push(`an input box cannot take ${JSON.stringify(answer)}`);
      return box.escape();
    }
  }

  private async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const shown: ShownBox = {
      kind: 'showInputBox',
      title: options.title,
      value: options.value,
      prompt: options.prompt,
      placeholder: options.placeHolder,
      hasBack: false,
      refusals: [],
    };
    this.shown.push(shown);
    for (;;) {
      const answer = this.next(`the input box “${options.title ?? ''}”`);
      if (answer === undefined || answer === 'escape') return undefined;
      const text =
        answer === 'enter'
          ? (options.value ?? '')
          : typeof answer === 'object' && 'type' in answer
            ? typeof answer.type === 'function'
              ? answer.type(options.value ?? '')
              : answer.type
            : typeof answer === 'object' && 'refused' in answer
              ? answer.refused
              : undefined;
      if (text === undefined) {
        this.problems.push(`an input box cannot take ${JSON.stringify(answer)}`);
        return undefined;
      }
      const problem = await options.validateInput?.(text);
      const message = typeof problem === 'string' ? problem : problem?.message;
      const refusedOnPurpose = typeof answer === 'object' && 'refused' in answer;
      if (!message) {
        if (refusedOnPurpose) this.problems.push(`“${text}” was accepted; it should have been refused`);
        return text;
      }
      shown.refusals.push(message);
      if (!refusedOnPurpose) {
        this.problems.push(`“${text}” was refused: ${message}`);
        return undefined;
      }
    }
  }

  private async showQuickPick(
    itemsOrPromise: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
    options: vscode.QuickPickOptions,
  ): Promise<vscode.QuickPickItem | vscode.QuickPickItem[] | undefined> {
    const items = await itemsOrPromise;
    this.shown.push({
      kind: 'showQuickPick',
      title: options.title,
      placeholder: options.placeHolder,
      items: items.map((i) => ({ label: strip(i.label), description: i.description })),
      hasBack: false,
      refusals: [],
    });
    const answer = this.next(`the pick “${options.title ?? ''}”`);
    if (typeof answer !== 'object' || !('pick' in answer)) return undefined;
    const labels = typeof answer.pick === 'string' ? [answer.pick] : answer.pick;
    const picked = labels.map((l) => items.find((i) => strip(i.label) === l));
    if (picked.some((p) => !p)) {
      this.problems.push(`no item among ${labels.join(', ')} in ${items.map((i) => i.label).join(', ')}`);
      return undefined;
    }
    const chosen = picked as vscode.QuickPickItem[];
    return options.canPickMany ? chosen : chosen[0];
  }
}
