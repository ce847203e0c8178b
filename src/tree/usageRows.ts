/**
 * The rows under an image's "Used by" node, built from a usage scan: domain → who (the domain's
 * defaults, a user profile or a space) → app type with the pinned version or "latest", then notes
 * for what the scan could not see (refused actions, resources deleted mid-scan, lists cut short)
 * or that nothing uses the image. Plain records, as every node is; nodes.ts renders them. Also the
 * one wording of a reference ("user profile alice in domain ml-platform (JupyterLab)") that the
 * tooltips and the delete modals use.
 */
import * as vscode from 'vscode';
import type { ImageUsageScan } from './imageUsage';
import type { UsageMatch, UsageScan } from './model/usageScan';
import type { UsageNode, UsedByNode } from './nodes';

/** Who holds a reference, in words: "user profile alice", "space team-shared", "the domain's default for user profiles". */
export function ownerText(m: Pick<UsageMatch, 'owner'>): string {
  switch (m.owner.kind) {
    case 'userProfile':
      return vscode.l10n.t('user profile {0}', m.owner.name ?? '');
    case 'space':
      return vscode.l10n.t('space {0}', m.owner.name ?? '');
    case 'domainDefaultUser':
      return vscode.l10n.t('the default user settings');
    case 'domainDefaultSpace':
      return vscode.l10n.t('the default space settings');
  }
}

/** "user profile alice in domain ml-platform (JupyterLab), as latest": one reference in a sentence. */
export function referenceText(m: UsageMatch): string {
  const domain = m.domainName ? `${m.domainName} (${m.domainId})` : m.domainId;
  return m.viaLatest
    ? vscode.l10n.t('{0} in domain {1} ({2}, as “latest”)', ownerText(m), domain, m.appType)
    : vscode.l10n.t('{0} in domain {1} ({2})', ownerText(m), domain, m.appType);
}

/** At most `max` references as lines, then "and N more". */
export function referenceLines(matches: readonly UsageMatch[], max = 5): string[] {
  const lines = matches.slice(0, max).map(referenceText);
  if (matches.length > max) lines.push(vscode.l10n.t('and {0} more', matches.length - max));
  return lines;
}

/** A list the scan reads, as the user reads its name (the scan's keys are identifiers). */
export function listName(list: UsageScan['truncated'][number]['list']): string {
  switch (list) {
    case 'domains':
      return vscode.l10n.t('domains');
    case 'userProfiles':
      return vscode.l10n.t('user profiles');
    case 'spaces':
      return vscode.l10n.t('spaces');
  }
}

const OWNER_ORDER = { domainDefaultUser: 0, domainDefaultSpace: 1, userProfile: 2, space: 3 } as const;

/** The children of `usedBy` for a finished scan of its region. */
export function usageRows(usedBy: UsedByNode, scan: ImageUsageScan, matches: readonly UsageMatch[], region: string): UsageNode[] {
  const imageName = usedBy.parent.image.imageName;
  const latest = scan.latest.get(imageName);
  const rows: UsageNode[] = [];
  const byDomain = new Map<string, UsageMatch[]>();
  for (const m of matches) byDomain.set(m.domainId, [...(byDomain.get(m.domainId) ?? []), m]);
  const domains = [...byDomain.entries()].sort(([, a], [, b]) =>
    (a[0].domainName ?? a[0].domainId).localeCompare(b[0].domainName ?? b[0].domainId),
  );
  for (const [domainId, inDomain] of domains) {
    const domainNode: UsageNode & { children: UsageNode[] } = {
      kind: 'usage',
      id: `${usedBy.id}/${domainId}`,
      parent: usedBy,
      role: 'domain',
      label: inDomain[0].domainName ?? domainId,
      description: inDomain[0].domainName ? domainId : undefined,
      icon: 'organization',
      children: [],
    };
    const byOwner = new Map<string, UsageMatch[]>();
    for (const m of inDomain) {
      const key = `${m.owner.kind}/${m.owner.name ?? ''}`;
      byOwner.set(key, [...(byOwner.get(key) ?? []), m]);
    }
    const owners = [...byOwner.entries()].sort(
      ([, [a]], [, [b]]) => OWNER_ORDER[a.owner.kind] - OWNER_ORDER[b.owner.kind] || (a.owner.name ?? '').localeCompare(b.owner.name ?? ''),
    );
    for (const [ownerKey, held] of owners) {
      const first = held[0];
      const ownerNode: UsageNode & { children: UsageNode[] } = {
        kind: 'usage',
        id: `${domainNode.id}/${ownerKey}`,
        parent: domainNode,
        role: 'owner',
        label:
          first.owner.name ??
          (first.owner.kind === 'domainDefaultUser' ? vscode.l10n.t('Default user settings') : vscode.l10n.t('Default space settings')),
        description:
          first.owner.kind === 'userProfile'
            ? vscode.l10n.t('user profile')
            : first.owner.kind === 'space'
              ? vscode.l10n.t('space')
              : vscode.l10n.t('domain default'),
        icon: first.owner.kind === 'userProfile' ? 'account' : first.owner.kind === 'space' ? 'folder' : 'settings',
        children: [],
      };
      for (const m of [...held].sort((a, b) => a.appType.localeCompare(b.appType))) {
        ownerNode.children.push({
          kind: 'usage',
          id: `${ownerNode.id}/${m.appType}/${m.version ?? 'latest'}`,
          parent: ownerNode,
          role: 'reference',
          label: m.appType,
          description:
            m.version !== undefined
              ? vscode.l10n.t('version {0}', m.version)
              : latest !== undefined
                ? vscode.l10n.t('latest (now version {0})', latest)
                : vscode.l10n.t('latest'),
          icon: m.version !== undefined ? 'pinned' : 'arrow-up',
          tooltip: referenceText(m),
          children: [],
        });
      }
      domainNode.children.push(ownerNode);
    }
    rows.push(domainNode);
  }
  const note = (key: string, label: string, icon: string, tooltip?: string): UsageNode => ({
    kind: 'usage',
    id: `${usedBy.id}/note/${key}`,
    parent: usedBy,
    role: 'note',
    label,
    icon,
    tooltip,
    children: [],
  });
  if (matches.length === 0) rows.push(note('none', vscode.l10n.t('Not used by any domain, user profile or space in {0}', region), 'info'));
  for (const p of scan.partial)
    rows.push(
      note(
        `partial/${p.action}`,
        vscode.l10n.t('Partial: {0} was refused ({1} requests); what it would have read is missing', p.action, p.count),
        'warning',
        vscode.l10n.t('The profile may read images but not every Studio resource. Grant {0} to see all of it.', p.action),
      ),
    );
  if (scan.skipped.length > 0)
    rows.push(
      note(
        'skipped',
        vscode.l10n.t('Skipped {0} deleted during the scan', scan.skipped.map((s) => `${s.kind} ${s.id}`).join(', ')),
        'info',
      ),
    );
  for (const t of scan.truncated)
    rows.push(
      note(
        `truncated/${t.list}/${t.domainId ?? ''}`,
        t.domainId
          ? vscode.l10n.t('Stopped reading {0} of domain {1} at the cap; the rest is not shown', listName(t.list), t.domainId)
          : vscode.l10n.t('Stopped reading {0} at the cap; the rest is not shown', listName(t.list)),
        'warning',
      ),
    );
  return rows;
}
