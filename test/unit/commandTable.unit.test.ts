/**
 * Commands are declared once (src/model/commands.ts) and run inside one boundary
 * (src/extension/registerCommands.ts). Checked in plain Node: the table against package.json and
 * package.nls.json (the manifest cannot import the table), the handler map against the table, no
 * command id typed anywhere else in src, and the boundary with real handlers, the real session and
 * SDK against the emulator, and test/support/vscodeStub.js standing in for VS Code's window.
 */
// First: makes `vscode` resolve to the stand-in (test/support/vscodeStub.js) in this process.
import './vscodeInNode';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_HANDLERS } from '../../src/commands/index';
import type { CommandContext } from '../../src/commands/context';
import { registerCommands } from '../../src/extension/registerCommands';
import { COMMAND_NAMES, COMMANDS, commandRecord, WRITES_ALLOWED, type CommandName } from '../../src/model/commands';
import { RequestCancelledError } from '../../src/model/errors';
import type { Logger } from '../../src/model/log';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { ACCOUNT_ID, imageArn } from '../emulator/store';
import { useEmulator } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    viewsWelcome?: { contents: string }[];
  };
}
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const tableIds = COMMAND_NAMES.map((name) => COMMANDS[name].id);

describe('the command table and package.json', () => {
  it('declares exactly the commands package.json contributes, each id the prefix and its name', () => {
    assert.deepEqual([...tableIds].sort(), manifest.contributes.commands.map((c) => c.command).sort());
    assert.equal(new Set(tableIds).size, tableIds.length, 'an id twice in the table');
    for (const name of COMMAND_NAMES) assert.equal(COMMANDS[name].id, `sagemakerImages.${name}`);
  });

  it('gives each command the title package.nls.json gives it, under the category', () => {
    for (const contributed of manifest.contributes.commands) {
      const name = contributed.command.slice('sagemakerImages.'.length) as CommandName;
      assert.equal(contributed.title, `%command.${name}%`, `${contributed.command}'s title key`);
      assert.equal(COMMANDS[name].title(), nls[`command.${name}`], `${contributed.command}'s title`);
      assert.equal(contributed.category, '%category%', `${contributed.command}'s category`);
    }
  });

  it('gives each command the icon package.json gives it', () => {
    for (const contributed of manifest.contributes.commands) {
      const name = contributed.command.slice('sagemakerImages.'.length) as CommandName;
      assert.equal(COMMANDS[name].icon, contributed.icon, `${contributed.command}'s icon`);
    }
  });

  it('offers each command in the Command Palette when package.json does', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
    assert.equal(palette.size, manifest.contributes.menus.commandPalette.length, 'a command twice in menus.commandPalette');
    for (const name of COMMAND_NAMES) assert.equal(COMMANDS[name].palette, palette.get(COMMANDS[name].id), `${name} in the palette`);
  });

  it('menus and the welcome view reference only commands of the table', () => {
    const ids = new Set<string>(tableIds);
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(ids.has(entry.command), `${menu} names ${entry.command}, which is not in the table`);
    }
    const welcome = [...(manifest.contributes.viewsWelcome ?? []).map((w) => w.contents), ...Object.values(nls)].join('\n');
    const linked = [...welcome.matchAll(/command:(sagemakerImages\.[A-Za-z]+)/g)].map((m) => m[1]);
    assert.ok(linked.length > 0, 'the welcome view links commands');
    for (const id of linked) assert.ok(ids.has(id), `a welcome link names ${id}, which is not in the table`);
  });

  it('hides every command that writes to AWS in read-only mode and untrusted workspaces, wherever it is offered', () => {
    const writes = COMMAND_NAMES.filter((name) => COMMANDS[name].writes);
    assert.deepEqual([...writes].sort(), [
      'addAlias',
      'createImage',
      'createImageVersion',
      'deleteImage',
      'deleteImageVersion',
      'removeAlias',
      'updateImage',
      'updateImageVersion',
    ]);
    for (const name of writes) {
      const id = COMMANDS[name].id;
      const contributed = manifest.contributes.commands.find((c) => c.command === id) as { enablement?: string };
      assert.equal(contributed.enablement, WRITES_ALLOWED, `${id} is enabled only where writes are allowed`);
      for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
        for (const entry of entries.filter((e) => e.command === id)) {
          assert.ok(entry.when?.includes(WRITES_ALLOWED), `${menu} offers ${id} without “${WRITES_ALLOWED}”`);
        }
      }
    }
    for (const name of COMMAND_NAMES.filter((n) => !COMMANDS[n].writes)) {
      const contributed = manifest.contributes.commands.find((c) => c.command === COMMANDS[name].id) as { enablement?: string };
      assert.equal(contributed.enablement, undefined, `${name} reads only: enabled everywhere`);
    }
    const readOnly = (
      manifest.contributes as unknown as { configuration: { properties: Record<string, { scope?: string; default?: unknown }> } }
    ).configuration.properties['sagemakerImages.readOnly'];
    assert.deepEqual({ scope: readOnly.scope, default: readOnly.default }, { scope: 'machine-overridable', default: false });
  });

  it('the handler map has exactly the table’s names', () => {
    assert.deepEqual(Object.keys(COMMAND_HANDLERS).sort(), [...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) assert.equal(typeof COMMAND_HANDLERS[name], 'function', name);
  });

  it('builds a command record from the table', () => {
    assert.deepEqual(commandRecord('refresh'), { command: 'sagemakerImages.refresh', title: 'Refresh' });
    const node = { kind: 'loadMore' };
    assert.deepEqual(commandRecord('loadMore', node), { command: 'sagemakerImages.loadMore', title: 'Load More', arguments: [node] });
  });
});

/**
 * Literals that share the prefix and a command's name but are not command ids, with why.
 * A view item's context value is matched by `viewItem == …` in package.json menus.
 */
const NOT_COMMAND_IDS: readonly { readonly line: RegExp; readonly why: string }[] = [
  { line: /^\s*loadMore: 'sagemakerImages\.loadMore',$/, why: 'the Load more… row’s context value (CONTEXT.loadMore in tree/nodes.ts)' },
];

describe('command ids in src', () => {
  it('are written only in src/model/commands.ts', () => {
    const names = new Set<string>(COMMAND_NAMES);
    const table = path.join(repoRoot, 'src', 'model', 'commands.ts');
    const found: string[] = [];
    const scan = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(file);
        else if (entry.name.endsWith('.ts') && file !== table) {
          fs.readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              for (const m of line.matchAll(/sagemakerImages\.([A-Za-z]+)(?![\w.])/g)) {
                if (names.has(m[1]) && !NOT_COMMAND_IDS.some((x) => x.line.test(line)))
                  found.push(`${path.relative(repoRoot, file)}:${i + 1}: ${m[0]}`);
              }
            });
        }
      }
    };
    scan(path.join(repoRoot, 'src'));
    assert.deepEqual(found, [], 'take the id from src/model/commands.ts (COMMANDS, commandId, commandRecord, commandLink)');
  });

  it('the scan sees an id where it would be typed', () => {
    // The scan's own pattern against the forms an id takes in code: a node's command, a link, a list.
    const samples = [
      "item.command = { command: 'sagemakerImages.retry', title }",
      'commandLink(label, "sagemakerImages.copyAlias", [ref])',
      'executeCommand(`sagemakerImages.showLog`)',
    ];
    for (const s of samples) assert.ok(/sagemakerImages\.([A-Za-z]+)(?![\w.])/.test(s), s);
    assert.ok(!NOT_COMMAND_IDS.some((x) => x.line.test("  item.command = 'sagemakerImages.loadMore',")), 'the exemption is one line');
  });
});

/** Records what a command shows and logs, through the stand-in window and a recording logger. */
function recorder() {
  const errors: { message: string; items: string[] }[] = [];
  const executed: string[] = [];
  const lines: { level: string; text: string }[] = [];
  const log: Logger = {
    trace: (text) => lines.push({ level: 'trace', text }),
    debug: (text) => lines.push({ level: 'debug', text }),
    info: (text) => lines.push({ level: 'info', text }),
    warn: (text) => lines.push({ level: 'warn', text }),
    error: (text) => lines.push({ level: 'error', text }),
  };
  return { errors, executed, lines, log };
}

describe('the command boundary', function () {
  const emu = useEmulator('empty');
  let session: SageMakerSession;
  let seen: ReturnType<typeof recorder>;
  let handlers: Map<string, (...args: unknown[]) => Promise<unknown>>;
  /** What the stand-in window answers to the next error notification (the user's click). */
  let pick: string | undefined;
  const saved = {
    registerCommand: vscode.commands.registerCommand,
    executeCommand: vscode.commands.executeCommand,
    showErrorMessage: vscode.window.showErrorMessage,
  };
  let details: { version: () => Promise<never> } | undefined;

  before(function () {
    emu().seed({ images: [{ name: 'boundary-image', versions: 1 }] });
  });

  beforeEach(function () {
    emu().faults.clear();
    seen = recorder();
    pick = undefined;
    details = undefined;
    session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, seen.log, '0.0.0-test', { requestTimeoutMs: 5_000 });
    handlers = new Map();
    Object.assign(vscode.commands, {
      registerCommand: (id: string, callback: (...args: unknown[]) => Promise<unknown>) => {
        handlers.set(id, callback);
        return { dispose: () => undefined };
      },
      executeCommand: async (id: string) => {
        seen.executed.push(id);
        return undefined;
      },
    });
    Object.assign(vscode.window, {
      showErrorMessage: async (message: string, ...items: string[]) => {
        seen.errors.push({ message, items });
        return pick;
      },
    });
    const ctx = {
      session,
      log: seen.log,
      tree: { holds: () => false, details: { version: () => details!.version() } },
      view: { selection: [] },
    } as unknown as CommandContext;
    registerCommands(ctx);
  });

  afterEach(function () {
    Object.assign(vscode.commands, { registerCommand: saved.registerCommand, executeCommand: saved.executeCommand });
    Object.assign(vscode.window, { showErrorMessage: saved.showErrorMessage });
    session.dispose();
  });

  const run = (name: CommandName, ...args: unknown[]) => {
    const handler = handlers.get(COMMANDS[name].id);
    assert.ok(handler, `${name} is registered`);
    return handler(...args);
  };
  const boundaryLines = () => seen.lines.filter((l) => l.text.startsWith('sagemakerImages.'));
  /** Lets the notification's `.then` (Show Log) run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  for (const [what, readOnly, trusted, expected] of [
    ['read-only mode', true, true, /read-only mode \(setting sagemakerImages\.readOnly\); nothing was changed\.$/],
    ['an untrusted workspace', false, false, /disabled in an untrusted workspace; nothing was changed\.$/],
  ] as const) {
    it(`refuses every write command in ${what}: a warning, nothing sent, the handler never runs`, async () => {
      const warnings: string[] = [];
      const saved = {
        getConfiguration: vscode.workspace.getConfiguration,
        isTrusted: vscode.workspace.isTrusted,
        warn: vscode.window.showWarningMessage,
      };
      Object.assign(vscode.workspace, {
        isTrusted: trusted,
        getConfiguration: () => ({ get: (key: string, d: unknown) => (key === 'readOnly' ? readOnly : d) }),
      });
      Object.assign(vscode.window, {
        showWarningMessage: async (message: string) => {
          warnings.push(message);
          return undefined;
        },
      });
      try {
        emu().requests.length = 0;
        const writes = COMMAND_NAMES.filter((name) => COMMANDS[name].writes);
        for (const name of writes) assert.equal(await run(name, imageArn('us-east-1', 'boundary-image')), undefined, name);
        assert.equal(warnings.length, writes.length, JSON.stringify(warnings));
        for (const w of warnings) assert.match(w, expected);
        assert.deepEqual(
          emu().requests.map((r) => r.operation),
          [],
          'nothing reached the service',
        );
        assert.deepEqual(seen.errors, []);
      } finally {
        Object.assign(vscode.workspace, { getConfiguration: saved.getConfiguration, isTrusted: saved.isTrusted });
        Object.assign(vscode.window, { showWarningMessage: saved.warn });
      }
    });
  }

  it('registers every command of the table, once', () => {
    assert.deepEqual([...handlers.keys()].sort(), [...tableIds].sort());
  });

  it('passes a handler’s result through and shows nothing', async () => {
    const arn = imageArn('us-east-1', 'boundary-image');
    assert.equal(await run('copyImageArn', arn), arn);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(boundaryLines(), []);
  });

  it('a failure the service answered: one notification with Show Log, one log line with its request id', async () => {
    emu().addFault({ kind: 'error', operation: 'DescribeImage', status: 400, code: 'AccessDeniedException', message: 'not allowed' });
    pick = 'Show Log';
    const result = await run('copyImageArn', `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:image/boundary-image`);
    await settle();
    assert.equal(result, undefined, 'the boundary resolves to undefined instead of rethrowing');
    assert.equal(seen.errors.length, 1, JSON.stringify(seen.errors));
    assert.match(seen.errors[0].message, /^Copy Image ARN: .+/);
    assert.deepEqual(seen.errors[0].items, ['Show Log']);
    assert.deepEqual(seen.executed, ['sagemakerImages.showLog'], 'Show Log runs the showLog command');
    const lines = boundaryLines();
    assert.equal(lines.length, 1, JSON.stringify(seen.lines));
    assert.equal(lines[0].level, 'error');
    // The request's own log line (src/aws) carries the id the service answered with.
    const requestLine = seen.lines.find((l) => l.text.startsWith('✗ DescribeImage'));
    const requestId = /requestId=([0-9a-f-]{36})/.exec(requestLine?.text ?? '')?.[1];
    assert.ok(requestId, JSON.stringify(seen.lines));
    assert.equal(
      lines[0].text,
      `sagemakerImages.copyImageArn failed: ${seen.errors[0].message.slice('Copy Image ARN: '.length)} (kind accessDenied, code AccessDeniedException, HTTP 400, requestId=${requestId})`,
    );
  });

  it('Test Connection: a failure reaches the boundary (one notification, one log line); success returns the check', async () => {
    emu().addFault({ kind: 'error', operation: 'ListImages', status: 400, code: 'AccessDeniedException', message: 'no' });
    assert.equal(await run('testConnection'), undefined);
    assert.equal(seen.errors.length, 1, JSON.stringify(seen.errors));
    assert.match(seen.errors[0].message, /^SageMaker connection failed: /, 'in the command’s own words, not after its title');
    assert.equal(boundaryLines().length, 1);
    assert.match(
      boundaryLines()[0].text,
      /^sagemakerImages\.testConnection failed: .*\(kind accessDenied, code AccessDeniedException, HTTP 400, requestId=/,
    );
    const check = (await run('testConnection')) as { ok: boolean; region: string; sampleImage?: string };
    assert.deepEqual([check.ok, check.region, check.sampleImage], [true, 'us-east-1', 'boundary-image']);
    assert.equal(seen.errors.length, 1, 'nothing more shown');
    assert.equal(boundaryLines().length, 1, 'nothing more logged');
  });

  it('a failure that is not the service’s: the message, the error name in the log', async () => {
    details = { version: () => Promise.reject(new TypeError('boom')) };
    assert.equal(await run('copyAlias', { region: 'us-east-1', imageName: 'boundary-image', version: 1 }), undefined);
    assert.deepEqual(
      seen.errors.map((e) => e.message),
      ['Copy Alias: boom'],
    );
    assert.deepEqual(
      boundaryLines().map((l) => l.text),
      ['sagemakerImages.copyAlias failed: boom (TypeError)'],
    );
  });

  for (const [what, error] of [
    ['a cancelled request', () => new RequestCancelledError('DescribeImageVersion')],
    ['vscode.CancellationError', () => new vscode.CancellationError()],
  ] as const) {
    it(`cancellation is silent: ${what}`, async () => {
      details = { version: () => Promise.reject(error()) };
      assert.equal(await run('copyAlias', { region: 'us-east-1', imageName: 'boundary-image', version: 1 }), undefined);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(boundaryLines(), []);
    });
  }

  it('what is not a failure keeps its own message: a refused argument is said once, and not logged as a failure', async () => {
    assert.equal(await run('copyImageArn', { kind: 'image', id: 'forged' }), undefined);
    assert.equal(seen.errors.length, 1);
    assert.match(seen.errors[0].message, /^Copy Image ARN: refused what the command was given/);
    assert.deepEqual(boundaryLines(), []);
  });
});
