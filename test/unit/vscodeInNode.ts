/**
 * Importing this module makes `vscode` resolve, in this mocha process, to the stand-in in
 * test/support/vscodeStub.js, so the tree (src/tree) and the commands' target
 * resolution run in plain Node against the emulator. Import it before anything that imports
 * `vscode` (TypeScript keeps the order of imports in its CommonJS output). No other unit test
 * loads `vscode`, so installing it for the whole process changes nothing for them.
 */
import * as path from 'node:path';

interface VscodeStubModule {
  installVscodeStub(): unknown;
  /** Every notification shown, oldest first. */
  shownMessages: { severity: 'error' | 'warning' | 'information'; message: string }[];
}

// out/test/unit → the repository root: the stub is plain JavaScript, not compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stub = require(path.resolve(__dirname, '..', '..', '..', 'test', 'support', 'vscodeStub.js')) as VscodeStubModule;
stub.installVscodeStub();

/** The notifications the extension showed; a test empties it (`.length = 0`) before it acts. */
export const shownMessages = stub.shownMessages;
