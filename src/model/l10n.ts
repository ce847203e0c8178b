/**
 * The one @vscode/l10n instance of the extension.
 * vscode-free modules cannot call vscode.l10n.t, so their messages go through @vscode/l10n, which
 * translates only once `l10n.config` has been given VS Code's bundle for the extension (done at
 * activation, from vscode.l10n.bundle). The package keeps that bundle in a module variable, so
 * every bundle of ours must share one copy: it is compiled into dist/model.js only, every module
 * takes `l10n` from this one (from other folders the build turns that into a require of
 * dist/model.js), and .dependency-cruiser.cjs forbids importing the package anywhere else.
 * scripts/l10n.mjs extracts the `l10n.t(...)` calls of files importing this module as if they
 * imported the package (its extractor follows only imports of 'vscode' and '@vscode/l10n').
 *
 * Call `l10n.t` when the message is made, never at module load: dist/model.js is loaded before
 * activate() configures the bundle, so a message built at load time would stay English.
 */
import type * as L10nApi from '@vscode/l10n';

// The package's browser build: the same config({ contents }) and t() as its Node build, without
// the Node build's top-level require of fs and fs/promises (reading bundles from files or URLs,
// which this extension never asks for), which cost activation about 3 ms in a fresh process.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path into the package, typed by its own declarations.
const l10n: typeof L10nApi = require('@vscode/l10n/dist/browser.js');

export { l10n };
