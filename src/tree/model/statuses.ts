/**
 * What an image or image-version status means to the extension, in one place: which statuses
 * change on their own (live status polls them; their rows spin) and which icon each kind of
 * status gets. vscode-free: the tree builds its ThemeIcon from the ids here, the ARN hover its
 * `$(id)`.
 */

export const TRANSIENT_STATUSES: ReadonlySet<string> = new Set(['CREATING', 'UPDATING', 'DELETING']);

/** True for a status that will change on its own (so it is worth polling). */
export function isTransient(status: string): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/** CREATED; a *_FAILED status; CREATING/UPDATING/DELETING; anything else the service may send. */
export type StatusKind = 'ready' | 'failed' | 'transient' | 'unknown';

export function statusKind(status: string): StatusKind {
  if (status === 'CREATED') return 'ready';
  if (status.endsWith('_FAILED')) return 'failed';
  if (isTransient(status)) return 'transient';
  return 'unknown';
}

/** A codicon: `id` and theme colour for a tree row, `inText` for a `$(…)` in Markdown. */
export interface StatusIcon {
  readonly id: string;
  /** A theme colour id (e.g. `list.errorForeground`), if the row's icon is coloured. */
  readonly color?: string;
  readonly inText: string;
}

/**
 * The icon of each kind of status. A row in transition spins (`loading~spin`); hover text shows
 * a still `sync` (the extension's own icons in Markdown are exactly pass, error, sync and
 * question, which is how the hostile-text suite tells them from an icon smuggled in by the service).
 */
export const STATUS_ICONS: { readonly [K in StatusKind]: StatusIcon } = {
  ready: { id: 'pass', color: 'testing.iconPassed', inText: 'pass' },
  failed: { id: 'error', color: 'list.errorForeground', inText: 'error' },
  transient: { id: 'loading~spin', inText: 'sync' },
  unknown: { id: 'question', inText: 'question' },
};

export function statusIcon(status: string): StatusIcon {
  return STATUS_ICONS[statusKind(status)];
}
