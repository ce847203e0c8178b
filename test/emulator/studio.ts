/**
 * The emulated account's SageMaker Studio resources, per region: domains, their user profiles
 * and their spaces, with the custom image references in their settings, and the six read
 * operations over them (ListDomains, DescribeDomain, ListUserProfiles, DescribeUserProfile,
 * ListSpaces, DescribeSpace). Answers keep the model's shapes (epoch-second timestamps, as the
 * image store sends); pages use the same signed tokens bound to their query as the image lists.
 * Resources are put here by seedStudio (studioFixtures.ts) and removed by the delete helpers,
 * which tests use to delete a profile or space in the middle of a scan.
 */
import { notFound } from './errors';
import { ACCOUNT_ID } from './store';
import type { StudioOperationName } from './studioSchema';
import { paginate, queryHash } from './tokens';

export type StudioStatus = 'Deleting' | 'Failed' | 'InService' | 'Pending' | 'Updating' | 'Update_Failed' | 'Delete_Failed';

/** One CustomImages entry as the service sends it. */
export interface CustomImageJson {
  ImageName: string;
  ImageVersionNumber?: number;
  AppImageConfigName: string;
}

/** A settings structure (UserSettings, DefaultSpaceSettings, SpaceSettings), kept as the JSON the service answers with. */
export type SettingsJson = Record<string, unknown>;

export interface StoredDomain {
  id: string;
  name: string;
  status: StudioStatus;
  creationTime: number;
  lastModifiedTime: number;
  defaultUserSettings: SettingsJson;
  defaultSpaceSettings: SettingsJson;
}

export interface StoredUserProfile {
  domainId: string;
  name: string;
  status: StudioStatus;
  creationTime: number;
  lastModifiedTime: number;
  userSettings: SettingsJson;
}

export interface StoredSpace {
  domainId: string;
  name: string;
  status: StudioStatus;
  creationTime: number;
  lastModifiedTime: number;
  displayName?: string;
  /** The owner of a private space; absent for a shared one. */
  owner?: string;
  appType?: string;
  spaceSettings: SettingsJson;
}

type Body = Record<string, unknown>;
type Json = Record<string, unknown>;

const seconds = (ms: number) => ms / 1000;

function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The List* sorts: SortBy CreationTime (default) or LastModifiedTime, SortOrder Descending (default) or Ascending; ties by name. */
function sorted<T extends { name: string; creationTime: number; lastModifiedTime: number }>(items: T[], body: Body): T[] {
  const byModified = body.SortBy === 'LastModifiedTime';
  const dir = body.SortOrder === 'Ascending' ? 1 : -1;
  return items.sort((a, b) => {
    const primary = byModified ? a.lastModifiedTime - b.lastModifiedTime : a.creationTime - b.creationTime;
    return dir * (primary !== 0 ? primary : a.name.localeCompare(b.name));
  });
}

export class StudioRegion {
  readonly domains = new Map<string, StoredDomain>();
  /** Keyed `domainId/name`. */
  readonly userProfiles = new Map<string, StoredUserProfile>();
  /** Keyed `domainId/name`. */
  readonly spaces = new Map<string, StoredSpace>();

  constructor(readonly region: string) {}

  private arn(kind: string, path: string): string {
    return `arn:${partition(this.region)}:sagemaker:${this.region}:${ACCOUNT_ID}:${kind}/${path}`;
  }

  private domain(id: string): StoredDomain {
    const d = this.domains.get(id);
    if (!d) throw notFound(`Domain ${id} does not exist.`);
    return d;
  }

  private url(domainId: string): string {
    return `https://${domainId}.studio.${this.region}.sagemaker.aws`;
  }

  /** Removes a user profile (as a DeleteUserProfile that has finished); true if there was one. */
  deleteUserProfile(domainId: string, name: string): boolean {
    return this.userProfiles.delete(`${domainId}/${name}`);
  }

  /** Removes a space; true if there was one. */
  deleteSpace(domainId: string, name: string): boolean {
    return this.spaces.delete(`${domainId}/${name}`);
  }

  /** Removes a domain with its profiles and spaces; true if there was one. */
  deleteDomain(id: string): boolean {
    for (const [key, p] of this.userProfiles) if (p.domainId === id) this.userProfiles.delete(key);
    for (const [key, s] of this.spaces) if (s.domainId === id) this.spaces.delete(key);
    return this.domains.delete(id);
  }

  counts(): { domains: number; userProfiles: number; spaces: number } {
    return { domains: this.domains.size, userProfiles: this.userProfiles.size, spaces: this.spaces.size };
  }

  ListDomains(body: Body): Json {
    // No sort parameters in the model: newest first, as the console shows them.
    const all = sorted([...this.domains.values()], {});
    const { items, nextToken } = paginate(all, body, queryHash({ op: 'ListDomains', region: this.region }));
    return compact({
      Domains: items.map((d) => ({
        DomainArn: this.arn('domain', d.id),
        DomainId: d.id,
        DomainName: d.name,
        Status: d.status,
        CreationTime: seconds(d.creationTime),
        LastModifiedTime: seconds(d.lastModifiedTime),
        Url: this.url(d.id),
      })),
      NextToken: nextToken,
    });
  }

  DescribeDomain(body: Body): Json {
    const d = this.domain(body.DomainId as string);
    return {
      DomainArn: this.arn('domain', d.id),
      DomainId: d.id,
      DomainName: d.name,
      HomeEfsFileSystemId: `fs-${d.id.slice(2, 10).padEnd(8, '0')}`,
      Status: d.status,
      CreationTime: seconds(d.creationTime),
      LastModifiedTime: seconds(d.lastModifiedTime),
      AuthMode: 'IAM',
      DefaultUserSettings: d.defaultUserSettings,
      DefaultSpaceSettings: d.defaultSpaceSettings,
      AppNetworkAccessType: 'PublicInternetOnly',
      SubnetIds: ['subnet-0a1b2c3d4e5f60718'],
      Url: this.url(d.id),
      VpcId: 'vpc-0123456789abcdef0',
    };
  }

  ListUserProfiles(body: Body): Json {
    const domainId = body.DomainIdEquals as string | undefined;
    const contains = (body.UserProfileNameContains as string | undefined) ?? '';
    const matching = sorted(
      [...this.userProfiles.values()].filter((p) => (domainId === undefined || p.domainId === domainId) && p.name.includes(contains)),
      body,
    );
    const hash = queryHash({
      op: 'ListUserProfiles',
      region: this.region,
      domainId,
      contains,
      sortBy: body.SortBy,
      sortOrder: body.SortOrder,
    });
    const { items, nextToken } = paginate(matching, body, hash);
    return compact({
      UserProfiles: items.map((p) => ({
        DomainId: p.domainId,
        UserProfileName: p.name,
        Status: p.status,
        CreationTime: seconds(p.creationTime),
        LastModifiedTime: seconds(p.lastModifiedTime),
      })),
      NextToken: nextToken,
    });
  }

  DescribeUserProfile(body: Body): Json {
    const domainId = body.DomainId as string;
    const name = body.UserProfileName as string;
    this.domain(domainId);
    const p = this.userProfiles.get(`${domainId}/${name}`);
    if (!p) throw notFound(`User profile ${name} does not exist in domain ${domainId}.`);
    return {
      DomainId: p.domainId,
      UserProfileArn: this.arn('user-profile', `${p.domainId}/${p.name}`),
      UserProfileName: p.name,
      HomeEfsFileSystemUid: String(200000 + (hashCode(p.name) % 100000)),
      Status: p.status,
      LastModifiedTime: seconds(p.lastModifiedTime),
      CreationTime: seconds(p.creationTime),
      UserSettings: p.userSettings,
    };
  }

  ListSpaces(body: Body): Json {
    const domainId = body.DomainIdEquals as string | undefined;
    const contains = (body.SpaceNameContains as string | undefined) ?? '';
    const matching = sorted(
      [...this.spaces.values()].filter((s) => (domainId === undefined || s.domainId === domainId) && s.name.includes(contains)),
      body,
    );
    const hash = queryHash({ op: 'ListSpaces', region: this.region, domainId, contains, sortBy: body.SortBy, sortOrder: body.SortOrder });
    const { items, nextToken } = paginate(matching, body, hash);
    return compact({
      Spaces: items.map((s) =>
        compact({
          DomainId: s.domainId,
          SpaceName: s.name,
          Status: s.status,
          CreationTime: seconds(s.creationTime),
          LastModifiedTime: seconds(s.lastModifiedTime),
          SpaceSettingsSummary: compact({ AppType: s.appType }),
          SpaceSharingSettingsSummary: { SharingType: s.owner === undefined ? 'Shared' : 'Private' },
          OwnershipSettingsSummary: s.owner === undefined ? undefined : { OwnerUserProfileName: s.owner },
          SpaceDisplayName: s.displayName,
        }),
      ),
      NextToken: nextToken,
    });
  }

  DescribeSpace(body: Body): Json {
    const domainId = body.DomainId as string;
    const name = body.SpaceName as string;
    this.domain(domainId);
    const s = this.spaces.get(`${domainId}/${name}`);
    if (!s) throw notFound(`Space ${name} does not exist in domain ${domainId}.`);
    return compact({
      DomainId: s.domainId,
      SpaceArn: this.arn('space', `${s.domainId}/${s.name}`),
      SpaceName: s.name,
      HomeEfsFileSystemUid: String(300000 + (hashCode(s.name) % 100000)),
      Status: s.status,
      LastModifiedTime: seconds(s.lastModifiedTime),
      CreationTime: seconds(s.creationTime),
      SpaceSettings: compact({ ...s.spaceSettings, AppType: s.appType }),
      OwnershipSettings: s.owner === undefined ? undefined : { OwnerUserProfileName: s.owner },
      SpaceSharingSettings: { SharingType: s.owner === undefined ? 'Shared' : 'Private' },
      SpaceDisplayName: s.displayName,
      Url: `${this.url(s.domainId)}/jupyterlab/default`,
    });
  }
}

/** Every region's Studio resources. */
export class StudioAccount {
  private readonly regions = new Map<string, StudioRegion>();

  region(name: string): StudioRegion {
    let r = this.regions.get(name);
    if (!r) {
      r = new StudioRegion(name);
      this.regions.set(name, r);
    }
    return r;
  }

  clear(): void {
    this.regions.clear();
  }

  execute(operation: StudioOperationName, region: string, params: Body): Json {
    return this.region(region)[operation](params);
  }

  counts(): { domains: number; userProfiles: number; spaces: number } {
    const total = { domains: 0, userProfiles: 0, spaces: 0 };
    for (const r of this.regions.values()) {
      const c = r.counts();
      total.domains += c.domains;
      total.userProfiles += c.userProfiles;
      total.spaces += c.spaces;
    }
    return total;
  }
}

/** A small stable number from a name (for the EFS uid the answers carry). */
function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h;
}
