/**
 * Loads the command handlers and the ARN hover provider on first use. In the packaged extension
 * `../commands` resolves to dist/commands.js (see esbuild.js): the
 * extension now activates when VS Code starts (for ARN hovers), so activation must not parse
 * code until someone runs a command or hovers an ARN. In tests compiled by tsc it is the module.
 */
export type CommandsModule = typeof import('../commands');

let loaded: CommandsModule | undefined;

export function loadCommands(): CommandsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred require is the point: see above.
  loaded ??= require('../commands') as CommandsModule;
  return loaded;
}
