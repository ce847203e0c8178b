import * as vscode from 'vscode';
import { dateInputText, parseDateInput } from './model/dateInput';
import { FIELD_BOUND, rangeProblem, shortDate, type DateFilterField, type DateFilters } from '../model/versionQuery';
import type { CommandContext } from './context';

const FIELD_LABELS: Record<DateFilterField, () => string> = {
  createdAfter: () => vscode.l10n.t('Created after…'),
  createdBefore: () => vscode.l10n.t('Created before…'),
  modifiedAfter: () => vscode.l10n.t('Modified after…'),
  modifiedBefore: () => vscode.l10n.t('Modified before…'),
};

const PRESETS: { label: () => string; span: string }[] = [
  { label: () => vscode.l10n.t('Created in the last 24 hours'), span: '24h' },
  { label: () => vscode.l10n.t('Created in the last 7 days'), span: '7d' },
  { label: () => vscode.l10n.t('Created in the last 30 days'), span: '30d' },
];

type Pick = vscode.QuickPickItem & { field?: DateFilterField; span?: string; clear?: true };

/**
 * Filter Versions by Date…: a preset, or one bound typed with live validation. Filters are
 * inclusive, sent to ListImageVersions, kept per workspace; a reversed range is refused.
 */
export async function filterVersionsByDate(ctx: CommandContext): Promise<void> {
  const current = ctx.query.dateFilters;
  const items: Pick[] = [
    { label: vscode.l10n.t('Presets'), kind: vscode.QuickPickItemKind.Separator },
    ...PRESETS.map((p) => ({ label: p.label(), span: p.span })),
    { label: vscode.l10n.t('One bound'), kind: vscode.QuickPickItemKind.Separator },
    ...(Object.keys(FIELD_LABELS) as DateFilterField[]).map((field) => ({
      label: FIELD_LABELS[field](),
      description: current[field] ? shortDate(current[field]!, FIELD_BOUND[field]) : undefined,
      field,
    })),
  ];
  if (ctx.query.filtersActive)
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('Clear all version filters'), clear: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Filter Versions by Date'),
    placeHolder: vscode.l10n.t('Pick a preset or a bound to set'),
  });
  if (!picked) return;
  if (picked.clear) {
    await ctx.query.setDateFilters({});
    ctx.onQueryChanged('versions');
    return;
  }
  if (picked.span) {
    const parsed = parseDateInput(picked.span);
    if (!parsed.ok) return;
    await ctx.query.setDateFilters({ createdAfter: parsed.date });
    ctx.onQueryChanged('versions');
    return;
  }
  const field = picked.field;
  if (!field) return;
  const next = (text: string): { filters?: DateFilters; message?: string } => {
    if (text.trim() === '') {
      const rest = { ...current };
      delete rest[field];
      return { filters: rest };
    }
    // A day typed alone as a "before" bound covers that whole day (up to 23:59:59.999 local).
    const parsed = parseDateInput(text, new Date(), FIELD_BOUND[field]);
    if (!parsed.ok) return { message: parsed.message };
    const filters = { ...current, [field]: parsed.date };
    const problem = rangeProblem(filters);
    return problem ? { message: problem } : { filters };
  };
  const value = await vscode.window.showInputBox({
    title: FIELD_LABELS[field](),
    prompt: vscode.l10n.t(
      'A date (2024-05-01, 2024-05-01 10:30, ISO 8601) or a span back from now (7d, 12h, 30m, today, yesterday). Local time unless a zone is given. Empty removes this bound.',
    ),
    // At full precision, so that Enter on the pre-filled text keeps the bound exactly as it was.
    value: current[field] ? dateInputText(current[field]!, FIELD_BOUND[field]) : '',
    validateInput: (text) => next(text).message,
  });
  if (value === undefined) return;
  const result = next(value);
  if (!result.filters) {
    // The input box refuses invalid text, so this is only reachable if validation was bypassed.
    void vscode.window.showErrorMessage(result.message ?? vscode.l10n.t('Invalid date.'));
    return;
  }
  await ctx.query.setDateFilters(result.filters);
  ctx.onQueryChanged('versions');
}
