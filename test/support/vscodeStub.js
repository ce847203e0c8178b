// A minimal stand-in for the `vscode` module: enough for activate() to run in plain Node, so
// activation cost and "the SDK is not loaded at activation" can be checked without a VS Code host,
// and for the tree (src/tree) and target resolution to be unit-tested in plain Node
// (test/unit/vscodeInNode.ts installs it in the mocha process).
'use strict';
const Module = require('module');

class EventEmitter {
  constructor() {
    this.listeners = [];
    this.event = (l) => {
      this.listeners.push(l);
      return {
        dispose: () => {
          const i = this.listeners.indexOf(l);
          if (i >= 0) this.listeners.splice(i, 1);
        },
      };
    };
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {}
}

class CancellationTokenSource {
  constructor() {
    this.emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  }
  cancel() {
    if (this.token.isCancellationRequested) return;
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose() {}
}

/** Every notification shown, oldest first ({ severity, message }), for tests to read and clear. */
const shownMessages = [];
const show = (severity) => async (message) => {
  shownMessages.push({ severity, message });
  return undefined;
};

const disposable = () => ({ dispose: () => undefined });
const noop = () => undefined;
const channel = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  append: noop,
  appendLine: noop,
  show: noop,
  dispose: noop,
};

const vscode = {
  EventEmitter,
  CancellationTokenSource,
  // As VS Code's: what a command or provider throws when it was cancelled.
  CancellationError: class extends Error {
    constructor() {
      super('Canceled');
      this.name = 'Canceled';
    }
  },
  TreeItem: class {
    constructor(label, state) {
      this.label = label;
      this.collapsibleState = state;
    }
  },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class {
    constructor(id, color) {
      this.id = id;
      this.color = color;
    }
  },
  ThemeColor: class {
    constructor(id) {
      this.id = id;
    }
  },
  MarkdownString: class {
    constructor(v) {
      this.value = v ?? '';
    }
    appendMarkdown(s) {
      this.value += s;
      return this;
    }
  },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  l10n: { t: (message, ...args) => String(message).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
  env: { language: 'en', clipboard: { writeText: async () => undefined } },
  window: {
    createOutputChannel: () => channel,
    createTreeView: () => ({
      dispose: noop,
      onDidChangeVisibility: () => disposable(),
      onDidChangeSelection: () => disposable(),
      visible: false,
    }),
    createStatusBarItem: () => ({ show: noop, hide: noop, dispose: noop }),
    showErrorMessage: show('error'),
    showInformationMessage: show('information'),
    showWarningMessage: show('warning'),
    // As VS Code's: a task gets a progress and a token (this one never cancelled).
    withProgress: (_o, task) => task({ report: noop }, new CancellationTokenSource().token),
    setStatusBarMessage: () => disposable(),
  },
  languages: { registerHoverProvider: () => disposable() },
  commands: { registerCommand: () => disposable(), executeCommand: async () => undefined },
  workspace: {
    getConfiguration: () => ({ get: (_k, d) => d, update: async () => undefined, inspect: () => undefined }),
    onDidChangeConfiguration: () => disposable(),
    registerTextDocumentContentProvider: () => disposable(),
    onDidGrantWorkspaceTrust: () => disposable(),
    isTrusted: true,
  },
  Uri: { parse: (s) => ({ toString: () => s }), file: (p) => ({ fsPath: p, toString: () => `file://${p}` }) },
};

/** Makes `require('vscode')` return the stub. Call before requiring the bundle. */
function installVscodeStub() {
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'vscode') return 'vscode';
    return original.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
  return vscode;
}

function fakeExtensionContext() {
  return {
    subscriptions: [],
    extension: { packageJSON: { version: '0.0.0-stub' } },
    globalState: { get: noop, update: async () => undefined },
    workspaceState: { get: noop, update: async () => undefined },
  };
}

module.exports = { installVscodeStub, fakeExtensionContext, vscode, shownMessages };
