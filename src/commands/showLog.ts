import type { CommandContext } from './context';

export function showLog(ctx: CommandContext): void {
  ctx.logChannel.show(true);
}
