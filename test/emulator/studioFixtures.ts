/**
 * Studio sample data: the spec tests and the demo describe domains, user profiles and spaces
 * with (seedStudio), the demo set (two domains whose profiles, spaces and defaults reference the
 * demo images, pinned and "latest", across the four app types) and the synthetic account of the
 * bench (N domains × P profiles × S spaces). Deterministic for a given `now`.
 */
import type { CustomImageJson, SettingsJson, StoredSpace, StudioRegion, StudioStatus } from './studio';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerStudioExecutionRole';
const DAY = 86_400_000;
const MINUTE = 60_000;

export type SeedAppType = 'KernelGateway' | 'JupyterLab' | 'CodeEditor' | 'RSession';

/** One custom image entry: `version` absent means "the latest version". */
export interface SeedCustomImage {
  image: string;
  version?: number;
  /** Default `<image>-config`. */
  appImageConfig?: string;
}

export type SeedApps = Partial<Record<SeedAppType, SeedCustomImage[]>>;

export interface SeedUserProfile {
  name: string;
  status?: StudioStatus;
  createdAt?: number;
  apps?: SeedApps;
}

export interface SeedSpace {
  name: string;
  status?: StudioStatus;
  createdAt?: number;
  displayName?: string;
  /** The owning user profile (a private space); absent: a shared space. */
  owner?: string;
  appType?: 'JupyterLab' | 'CodeEditor' | 'KernelGateway';
  /** The model has CustomImages only under KernelGatewayAppSettings in SpaceSettings. */
  kernelGatewayImages?: SeedCustomImage[];
}

export interface SeedDomain {
  id: string;
  name: string;
  status?: StudioStatus;
  createdAt?: number;
  /** DefaultUserSettings: every app type. */
  defaultUser?: SeedApps;
  /** DefaultSpaceSettings: the model has CustomImages under KernelGateway and JupyterLab only. */
  defaultSpace?: Pick<SeedApps, 'KernelGateway' | 'JupyterLab'>;
  userProfiles?: SeedUserProfile[];
  spaces?: SeedSpace[];
}

export interface StudioSeedSpec {
  region?: string;
  domains: SeedDomain[];
}

const APP_MEMBER: Record<SeedAppType, string> = {
  KernelGateway: 'KernelGatewayAppSettings',
  JupyterLab: 'JupyterLabAppSettings',
  CodeEditor: 'CodeEditorAppSettings',
  RSession: 'RSessionAppSettings',
};

function customImages(list: SeedCustomImage[]): CustomImageJson[] {
  return list.map((c) => {
    const out: CustomImageJson = { ImageName: c.image, AppImageConfigName: c.appImageConfig ?? `${c.image}-config`.slice(0, 63) };
    if (c.version !== undefined) out.ImageVersionNumber = c.version;
    return out;
  });
}

function settings(apps: SeedApps | undefined, allowed: readonly SeedAppType[], where: string): SettingsJson {
  const out: SettingsJson = { ExecutionRole: ROLE };
  for (const [app, list] of Object.entries(apps ?? {}) as [SeedAppType, SeedCustomImage[]][]) {
    if (!allowed.includes(app)) throw new Error(`${where} has no CustomImages for ${app} in the service model`);
    out[APP_MEMBER[app]] = { CustomImages: customImages(list), DefaultResourceSpec: { InstanceType: 'ml.t3.medium' } };
  }
  return out;
}

const ALL_APPS: readonly SeedAppType[] = ['KernelGateway', 'JupyterLab', 'CodeEditor', 'RSession'];

/** Adds the described resources to a region (replacing any with the same id or name). Returns how many domains. */
export function seedStudio(target: StudioRegion, spec: StudioSeedSpec, now = Date.now()): number {
  for (const d of spec.domains) {
    const created = d.createdAt ?? now - 90 * DAY;
    target.domains.set(d.id, {
      id: d.id,
      name: d.name,
      status: d.status ?? 'InService',
      creationTime: created,
      lastModifiedTime: created,
      defaultUserSettings: settings(d.defaultUser, ALL_APPS, 'DefaultUserSettings'),
      defaultSpaceSettings: settings(d.defaultSpace, ['KernelGateway', 'JupyterLab'], 'DefaultSpaceSettings'),
    });
    (d.userProfiles ?? []).forEach((p, i) => {
      const at = p.createdAt ?? created + (i + 1) * MINUTE;
      target.userProfiles.set(`${d.id}/${p.name}`, {
        domainId: d.id,
        name: p.name,
        status: p.status ?? 'InService',
        creationTime: at,
        lastModifiedTime: at,
        userSettings: settings(p.apps, ALL_APPS, 'UserSettings'),
      });
    });
    (d.spaces ?? []).forEach((s, i) => {
      const at = s.createdAt ?? created + (i + 1) * MINUTE;
      const stored: StoredSpace = {
        domainId: d.id,
        name: s.name,
        status: s.status ?? 'InService',
        creationTime: at,
        lastModifiedTime: at,
        displayName: s.displayName,
        owner: s.owner,
        appType: s.appType ?? (s.kernelGatewayImages ? 'KernelGateway' : 'JupyterLab'),
        spaceSettings: s.kernelGatewayImages ? settings({ KernelGateway: s.kernelGatewayImages }, ['KernelGateway'], 'SpaceSettings') : {},
      };
      delete stored.spaceSettings.ExecutionRole;
      target.spaces.set(`${d.id}/${s.name}`, stored);
    });
  }
  return spec.domains.length;
}

/**
 * The demo's Studio account: domain `ml-platform` (d-7kq2mhx4vn1c) and domain `research`
 * (d-p9wz3r5tbe8a). conda-env-kernel is pinned at 8 (its `prod` alias) and 12 and used as
 * "latest"; pytorch-nightly-gpu at 201 (`stable`) and as "latest"; single-version-kernel at 1;
 * legacy-r-kernel in RSession; and one domain default (ml-platform's default JupyterLab image).
 */
export function demoStudioSpec(now = Date.now()): StudioSeedSpec {
  return {
    domains: [
      {
        id: 'd-7kq2mhx4vn1c',
        name: 'ml-platform',
        createdAt: now - 400 * DAY,
        defaultUser: { JupyterLab: [{ image: 'conda-env-kernel', version: 8 }] },
        userProfiles: [
          {
            name: 'alice',
            apps: { JupyterLab: [{ image: 'conda-env-kernel', version: 12 }], KernelGateway: [{ image: 'pytorch-nightly-gpu' }] },
          },
          { name: 'bob', apps: { KernelGateway: [{ image: 'pytorch-nightly-gpu', version: 201 }] } },
          { name: 'carol', apps: { CodeEditor: [{ image: 'conda-env-kernel' }] } },
          { name: 'dave' },
        ],
        spaces: [
          { name: 'fraud-notebooks', owner: 'alice', kernelGatewayImages: [{ image: 'conda-env-kernel', version: 8 }] },
          { name: 'team-shared', displayName: 'Team shared space', kernelGatewayImages: [{ image: 'single-version-kernel', version: 1 }] },
          { name: 'scratch', owner: 'dave', appType: 'CodeEditor' },
        ],
      },
      {
        id: 'd-p9wz3r5tbe8a',
        name: 'research',
        createdAt: now - 200 * DAY,
        defaultSpace: { KernelGateway: [{ image: 'pytorch-nightly-gpu', version: 201 }] },
        userProfiles: [
          { name: 'erin', apps: { RSession: [{ image: 'legacy-r-kernel', version: 2 }] } },
          { name: 'frank', apps: { JupyterLab: [{ image: 'conda-env-kernel' }], KernelGateway: [{ image: 'single-version-kernel' }] } },
          { name: 'grace', status: 'Pending' },
        ],
        spaces: [{ name: 'gpu-experiments', owner: 'frank', kernelGatewayImages: [{ image: 'pytorch-nightly-gpu' }] }],
      },
    ],
  };
}

/** The bench's account: `domains` domains, each with `profiles` user profiles and `spaces` spaces, referencing `images` in turn. */
export function syntheticStudioSpec(shape: { domains: number; profiles: number; spaces: number; images?: string[] }): StudioSeedSpec {
  const images = shape.images ?? ['bench-image'];
  const ref = (n: number): SeedCustomImage => ({ image: images[n % images.length], version: n % 3 === 0 ? undefined : 1 + (n % 5) });
  return {
    domains: Array.from({ length: shape.domains }, (_, d) => ({
      id: `d-synthetic${String(d).padStart(4, '0')}`,
      name: `synthetic-${d}`,
      defaultUser: { KernelGateway: [ref(d)] },
      userProfiles: Array.from({ length: shape.profiles }, (_, p) => ({
        name: `user-${p}`,
        apps: p % 2 === 0 ? { JupyterLab: [ref(p)] } : { KernelGateway: [ref(p)], CodeEditor: [ref(p + 1)] },
      })),
      spaces: Array.from({ length: shape.spaces }, (_, s) => ({
        name: `space-${s}`,
        owner: `user-${s % Math.max(1, shape.profiles)}`,
        kernelGatewayImages: s % 4 === 0 ? [] : [ref(s)],
      })),
    })),
  };
}
