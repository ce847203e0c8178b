/**
 * Sample data. `demo` is the demo backend and the default for `npm run emulator`: 64 images (so
 * images page too), one with 250 versions, some with 0, 1 and about 12, every version status
 * (FailureReason on the failed ones), aliases, and dates spread over two years. It is
 * deterministic for a given `now`. `hostile` is one image whose every free-text member holds
 * markup (hostileSpec). `seed` lets tests describe exactly what they need. The demo's Studio
 * account (domains, user profiles and spaces that reference these images) is in studioFixtures.ts.
 */
import { containerImageFor, type ImageStatus, type RegionStore, type StoredImage, type StoredVersion, type VersionStatus } from './store';

export const DEFAULT_REGION = 'us-east-1';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerStudioImageRole';
const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SeedVersion {
  status?: VersionStatus;
  failureReason?: string;
  /** Epoch ms or ISO text. */
  createdAt?: number | string;
  modifiedAt?: number | string;
  aliases?: string[];
  baseImage?: string;
  /** Default: the ECR URI the emulator derives from region, name and version. */
  containerImage?: string;
  jobType?: string;
  processor?: string;
  mlFramework?: string;
  programmingLang?: string;
  vendorGuidance?: string;
  releaseNotes?: string;
  horovod?: boolean;
}

export interface SeedImage {
  name: string;
  displayName?: string;
  description?: string;
  status?: ImageStatus;
  failureReason?: string;
  createdAt?: number | string;
  modifiedAt?: number | string;
  /** A count (versions one hour apart, all CREATED, from the image's creation) or a list. */
  versions?: number | SeedVersion[];
}

export interface SeedSpec {
  region?: string;
  images: SeedImage[];
}

function ms(t: number | string | undefined, fallback: number): number {
  if (t === undefined) return fallback;
  const v = typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(v)) throw new Error(`not a date: ${String(t)}`);
  return v;
}

function buildVersion(region: string, name: string, n: number, v: SeedVersion, fallbackCreated: number): StoredVersion {
  const creationTime = ms(v.createdAt, fallbackCreated);
  const status = v.status ?? 'CREATED';
  const failed = status === 'CREATE_FAILED' || status === 'DELETE_FAILED';
  return {
    version: n,
    status,
    failureReason: v.failureReason ?? (failed ? defaultFailure(status) : undefined),
    creationTime,
    lastModifiedTime: ms(v.modifiedAt, creationTime),
    baseImage: v.baseImage ?? `123456789012.dkr.ecr.${region}.amazonaws.com/${name.toLowerCase()}:build-${n}`,
    containerImage: v.containerImage ?? containerImageFor(region, name, n),
    aliases: v.aliases ?? [],
    jobType: v.jobType,
    processor: v.processor,
    mlFramework: v.mlFramework,
    programmingLang: v.programmingLang,
    vendorGuidance: v.vendorGuidance,
    releaseNotes: v.releaseNotes,
    horovod: v.horovod,
  };
}

function defaultFailure(status: VersionStatus): string {
  return status === 'CREATE_FAILED'
    ? 'Unable to pull the base image: manifest unknown (check that the ECR repository and tag exist and the role can read them).'
    : 'Cannot delete the image version: it is used by a running app.';
}

/** Adds the described images to a region (replacing any of the same name). Returns the count added. */
export function seed(target: RegionStore, spec: SeedSpec, now = Date.now()): number {
  for (const img of spec.images) {
    const created = ms(img.createdAt, now - 30 * DAY);
    const list: SeedVersion[] = typeof img.versions === 'number' ? Array.from({ length: img.versions }, () => ({})) : (img.versions ?? []);
    const versions = list.map((v, i) => buildVersion(target.region, img.name, i + 1, v, created + (i + 1) * HOUR));
    const lastVersionTime = versions.reduce((m, v) => Math.max(m, v.lastModifiedTime), created);
    const image: StoredImage = {
      name: img.name,
      status: img.status ?? 'CREATED',
      displayName: img.displayName,
      description: img.description,
      failureReason:
        img.failureReason ??
        (img.status?.endsWith('_FAILED') ? 'The image could not be updated: the role lacks ecr:BatchGetImage.' : undefined),
      roleArn: ROLE,
      creationTime: created,
      lastModifiedTime: ms(img.modifiedAt, lastVersionTime),
      tags: [],
      versions,
    };
    target.images.set(img.name, image);
  }
  return spec.images.length;
}

/** Small deterministic PRNG (mulberry32), so the demo looks the same on every run. */
export function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAMEWORKS = ['pytorch', 'tensorflow', 'xgboost', 'sklearn', 'huggingface', 'jax', 'rapids', 'spark'];
const FLAVOURS = ['gpu', 'cpu', 'kernel', 'training', 'inference', 'notebook'];
const TEAMS = ['fraud', 'search', 'vision', 'nlp', 'forecast', 'ads', 'risk', 'recs'];

/** The demo fixture: a believable platform team's account. */
export function demoSpec(now = Date.now()): SeedSpec {
  const rand = prng(20261126);
  const twoYears = 730 * DAY;
  const images: SeedImage[] = [];

  // The big one: nightly builds for most of a year, every status represented.
  const nightlyStart = now - 300 * DAY;
  images.push({
    name: 'pytorch-nightly-gpu',
    displayName: 'PyTorch nightly (GPU)',
    description: 'Nightly PyTorch build with CUDA for Studio kernels and training jobs.',
    createdAt: nightlyStart - DAY,
    versions: Array.from({ length: 250 }, (_, i) => {
      const created = nightlyStart + i * (300 / 250) * DAY + Math.floor(rand() * 6 * HOUR);
      const status: VersionStatus =
        i === 249 ? 'CREATING' : i === 248 ? 'DELETING' : i % 37 === 5 ? 'CREATE_FAILED' : i % 53 === 7 ? 'DELETE_FAILED' : 'CREATED';
      return {
        createdAt: created,
        modifiedAt: created + Math.floor(rand() * 3 * DAY),
        status,
        aliases: i === 247 ? ['latest', 'nightly'] : i === 200 ? ['stable'] : [],
        jobType: 'TRAINING',
        processor: 'GPU',
        mlFramework: `PyTorch 2.${Math.min(9, 3 + Math.floor(i / 40))}`,
        programmingLang: 'Python 3.11',
        vendorGuidance: i < 100 ? 'ARCHIVED' : i < 200 ? 'TO_BE_ARCHIVED' : 'STABLE',
        releaseNotes: `Nightly build ${i + 1}`,
      };
    }),
  });

  images.push({ name: 'empty-image', displayName: 'Freshly created, no versions yet', createdAt: now - 2 * DAY, versions: [] });
  images.push({
    name: 'single-version-kernel',
    description: 'A Studio kernel image with exactly one version.',
    createdAt: now - 400 * DAY,
    versions: [
      { createdAt: now - 399 * DAY, aliases: ['v1'], jobType: 'NOTEBOOK_KERNEL', programmingLang: 'Python 3.10', processor: 'CPU' },
    ],
  });
  images.push({
    name: 'conda-env-kernel',
    displayName: 'Conda environment kernel',
    description: 'Team conda environment packaged as a Studio kernel.',
    createdAt: now - 200 * DAY,
    versions: Array.from({ length: 12 }, (_, i) => ({
      createdAt: now - (200 - i * 15) * DAY,
      status: (i === 4 ? 'CREATE_FAILED' : i === 9 ? 'DELETE_FAILED' : 'CREATED') as VersionStatus,
      aliases: i === 11 ? ['latest'] : i === 7 ? ['prod', '2024.7'] : [],
      jobType: 'NOTEBOOK_KERNEL',
      programmingLang: 'Python 3.11',
      processor: 'CPU',
    })),
  });
  images.push({ name: 'tensorflow-inference', status: 'UPDATING', createdAt: now - 500 * DAY, versions: 3 });
  images.push({ name: 'legacy-r-kernel', status: 'UPDATE_FAILED', createdAt: now - 700 * DAY, versions: 2 });
  images.push({ name: 'scratch-image', status: 'CREATING', createdAt: now - HOUR, versions: [] });
  images.push({
    name: 'old-spark-kernel',
    status: 'DELETE_FAILED',
    createdAt: now - 720 * DAY,
    versions: [{ status: 'DELETE_FAILED', createdAt: now - 719 * DAY }],
  });

  for (let i = 0; images.length < 64; i++) {
    const name = `team-${TEAMS[i % TEAMS.length]}-${FRAMEWORKS[(i * 3) % FRAMEWORKS.length]}-${FLAVOURS[(i * 5) % FLAVOURS.length]}${i >= 24 ? `-${i}` : ''}`;
    const created = now - Math.floor(rand() * twoYears);
    const count = Math.floor(rand() * 9);
    images.push({
      name,
      displayName: i % 3 === 0 ? `${TEAMS[i % TEAMS.length].toUpperCase()} ${FRAMEWORKS[(i * 3) % FRAMEWORKS.length]}` : undefined,
      createdAt: created,
      versions: Array.from({ length: count }, (_, k) => {
        const at = created + Math.floor(((now - created) * (k + 1)) / (count + 1));
        return {
          createdAt: at,
          status: (k === count - 1 && i % 11 === 3 ? 'CREATING' : k === 0 && i % 13 === 2 ? 'CREATE_FAILED' : 'CREATED') as VersionStatus,
          aliases: k === count - 1 ? ['latest'] : [],
        };
      }),
    });
  }
  return { region: DEFAULT_REGION, images };
}

/**
 * Markup an image owner or a SageMaker-compatible endpoint can put in any free-text member
 * (issue 13): each must show as text, never as a link, image, command link, HTML, fence, code
 * span break-out or theme icon. Tests look for the `host.example` targets and the `zap` icon.
 */
export const HOSTILE = {
  /** The issue's BaseImage: closes the code span it is put in, then an image beacon and a link. */
  breakOut: 'x` ![b](https://host.example/b.png) [click](https://host.example/) `y',
  commandLink: '[c](command:sagemakerImages.copyVersionArn?%5B%22x%22%5D)',
  image: '![beacon](https://host.example/beacon.png)',
  html: '<img src="https://host.example/img.png"> <a href="https://host.example/a">a</a>',
  /** A fence that would swallow the tooltip's own links after it. */
  fences: 'notes\n~~~\n```\n# heading\n- item\n===\n> quote',
  backticks: '``` `` ` [run](https://host.example/run) `',
  icon: '$(zap) $(loading~spin)',
  bareUrl: 'https://bare.example/path www.bare.example mail@bare.example',
  entities: '&lt;img src=x&gt; &amp; &#36;(zap)',
  emphasis: '**bold** _em_ ~~strike~~ | a | b |',
} as const;

/** Every payload in one string, lines apart. */
export const HOSTILE_ALL = Object.values(HOSTILE).join('\n');

/** The hostile image (`hostile-markup`): three versions, every free-text member markup. */
export function hostileSpec(now = Date.now()): SeedSpec {
  const h = HOSTILE;
  return {
    region: DEFAULT_REGION,
    images: [
      {
        name: 'hostile-markup',
        displayName: `${h.commandLink} ${h.image} ${h.icon}`,
        description: HOSTILE_ALL,
        failureReason: `${h.html} ${h.bareUrl}`,
        createdAt: now - 10 * DAY,
        versions: [
          {
            createdAt: now - 9 * DAY,
            baseImage: h.breakOut,
            containerImage: `${h.backticks} ${h.commandLink} ${h.icon}`,
            releaseNotes: HOSTILE_ALL,
            jobType: h.image,
            processor: h.html,
            vendorGuidance: `${h.icon}${h.commandLink}`,
            mlFramework: h.emphasis,
            programmingLang: h.entities,
            aliases: ['latest', h.breakOut],
          },
          { createdAt: now - 8 * DAY, status: 'CREATE_FAILED', failureReason: HOSTILE_ALL, baseImage: h.backticks },
          { createdAt: now - 7 * DAY, aliases: ['stable'] },
        ],
      },
    ],
  };
}

export const FIXTURES = ['demo', 'empty', 'hostile'] as const;
export type FixtureName = (typeof FIXTURES)[number];
