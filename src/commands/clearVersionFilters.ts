import type { CommandContext } from './context';

/** Clear Version Filters: drops every date filter and reloads expanded images from page 1. */
export async function clearVersionFilters(ctx: CommandContext): Promise<void> {
  if (!ctx.query.filtersActive) return;
  await ctx.query.setDateFilters({});
  ctx.onQueryChanged('versions');
}
