/**
 * The one @vscode/l10n instance of the extension, for the folders outside src/model.
 * vscode-free modules cannot call vscode.l10n.t, so their messages go through @vscode/l10n, which
 * translates only once `l10n.config` has been given VS Code's bundle for the extension (done at
 * activation, from vscode.l10n.bundle). The package keeps that bundle in a module variable, so
 * every bundle of ours must share one copy: it is compiled into dist/model.js only (src/model
 * imports the package directly), and src/aws and src/extension import `l10n` from this module,
 * which the build turns into a require of dist/model.js (.dependency-cruiser.cjs forbids
 * importing the package outside src/model). scripts/l10n.mjs extracts `l10n.t(...)` calls of
 * files importing this module as if they imported the package.
 *
 * Call `l10n.t` when the message is made, never at module load: dist/model.js is loaded before
 * activate() configures the bundle, so a message built at load time would stay English.
 */
import * as l10n from '@vscode/l10n';

export { l10n };
