/**
 * The emulated account's images, versions and aliases, per region, and the eleven operations over
 * them. Times are kept in epoch milliseconds and sent as epoch seconds with fractional
 * milliseconds, as awsJson1_1 does. Writes go through the service's transient states
 * (CREATING, UPDATING, DELETING); when they end is the Lifecycle's business (lifecycle.ts).
 */
import { inUse, notFound, validationError } from './errors';
import { Lifecycle } from './lifecycle';
import { paginate, queryHash } from './tokens';

export const ACCOUNT_ID = '123456789012';

export type ImageStatus = 'CREATING' | 'CREATED' | 'CREATE_FAILED' | 'UPDATING' | 'UPDATE_FAILED' | 'DELETING' | 'DELETE_FAILED';
export type VersionStatus = 'CREATING' | 'CREATED' | 'CREATE_FAILED' | 'DELETING' | 'DELETE_FAILED';

export interface StoredVersion {
  version: number;
  status: VersionStatus;
  failureReason?: string;
  creationTime: number;
  lastModifiedTime: number;
  baseImage: string;
  containerImage: string;
  aliases: string[];
  clientToken?: string;
  vendorGuidance?: string;
  jobType?: string;
  mlFramework?: string;
  programmingLang?: string;
  processor?: string;
  horovod?: boolean;
  releaseNotes?: string;
}

export interface StoredImage {
  name: string;
  status: ImageStatus;
  displayName?: string;
  description?: string;
  failureReason?: string;
  roleArn: string;
  creationTime: number;
  lastModifiedTime: number;
  tags: { Key: string; Value: string }[];
  versions: StoredVersion[];
  /** The highest version number ever given to this image: numbers are never reused after a delete. */
  highestVersion?: number;
}

/** A ClientToken's first CreateImageVersion: what it made and the request it came with. */
interface TokenUse {
  image: string;
  version: number;
  /** The request's parameters other than ClientToken, as stable JSON. */
  input: string;
}

/**
 * The documented failure marker: a BaseImage whose tag is `fail-create` (e.g. `repo/x:fail-create`)
 * makes CreateImageVersion end in CREATE_FAILED, as a base image the service cannot pull does.
 */
export const FAIL_CREATE_MARKER = /:fail-create$/;

const TRANSIENT = new Set(['CREATING', 'UPDATING', 'DELETING']);

type Body = Record<string, unknown>;
type Json = Record<string, unknown>;

const seconds = (ms: number) => ms / 1000;
const msFrom = (epochSeconds: unknown) => (typeof epochSeconds === 'number' ? epochSeconds * 1000 : undefined);

export function imageArn(region: string, name: string): string {
  return `arn:${partition(region)}:sagemaker:${region}:${ACCOUNT_ID}:image/${name}`;
}

export function imageVersionArn(region: string, name: string, version: number): string {
  // The model's ImageVersionArn pattern only admits lower-case names.
  return `arn:${partition(region)}:sagemaker:${region}:${ACCOUNT_ID}:image-version/${name.toLowerCase()}/${version}`;
}

function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Inclusive time filters, as the API documents them ("on or after", "on or before"). */
function inTimeRange(item: { creationTime: number; lastModifiedTime: number }, body: Body): boolean {
  const ca = msFrom(body.CreationTimeAfter);
  const cb = msFrom(body.CreationTimeBefore);
  const ma = msFrom(body.LastModifiedTimeAfter);
  const mb = msFrom(body.LastModifiedTimeBefore);
  return (
    (ca === undefined || item.creationTime >= ca) &&
    (cb === undefined || item.creationTime <= cb) &&
    (ma === undefined || item.lastModifiedTime >= ma) &&
    (mb === undefined || item.lastModifiedTime <= mb)
  );
}

function direction(body: Body): number {
  return (body.SortOrder ?? 'DESCENDING') === 'ASCENDING' ? 1 : -1;
}

export class RegionStore {
  readonly images = new Map<string, StoredImage>();
  /** ClientTokens of CreateImageVersion, region-wide as AWS idempotency tokens are (per account, region, operation). */
  private readonly tokens = new Map<string, TokenUse>();

  constructor(
    readonly region: string,
    readonly lifecycle: Lifecycle = new Lifecycle(0),
  ) {}

  private image(name: string, what = 'Image'): StoredImage {
    const image = this.images.get(name);
    if (!image) throw notFound(`${what} with ImageName ${name} does not exist.`);
    return image;
  }

  private version(image: StoredImage, body: Body): StoredVersion {
    const byVersion = typeof body.Version === 'number' ? image.versions.find((v) => v.version === body.Version) : undefined;
    const byAlias = typeof body.Alias === 'string' ? image.versions.find((v) => v.aliases.includes(body.Alias as string)) : undefined;
    if (body.Version !== undefined && !byVersion)
      throw notFound(`ImageVersion with ImageName ${image.name} and Version ${String(body.Version)} does not exist.`);
    if (body.Alias !== undefined && !byAlias)
      throw notFound(`ImageVersion with ImageName ${image.name} and Alias ${String(body.Alias)} does not exist.`);
    if (byVersion && byAlias && byVersion !== byAlias) {
      throw validationError(`Alias ${String(body.Alias)} does not refer to Version ${String(body.Version)} of image ${image.name}.`);
    }
    const chosen = byVersion ?? byAlias ?? latest(image);
    if (!chosen) throw notFound(`Latest ImageVersion with ImageName ${image.name} does not exist. Please provide a valid ImageName.`);
    return chosen;
  }

  imageJson(i: StoredImage): Json {
    return compact({
      CreationTime: seconds(i.creationTime),
      Description: i.description,
      DisplayName: i.displayName,
      FailureReason: i.failureReason,
      ImageArn: imageArn(this.region, i.name),
      ImageName: i.name,
      ImageStatus: i.status,
      LastModifiedTime: seconds(i.lastModifiedTime),
    });
  }

  versionJson(i: StoredImage, v: StoredVersion): Json {
    return compact({
      CreationTime: seconds(v.creationTime),
      FailureReason: v.failureReason,
      ImageArn: imageArn(this.region, i.name),
      ImageVersionArn: imageVersionArn(this.region, i.name, v.version),
      ImageVersionStatus: v.status,
      LastModifiedTime: seconds(v.lastModifiedTime),
      Version: v.version,
    });
  }

  ListImages(body: Body): Json {
    const contains = typeof body.NameContains === 'string' ? body.NameContains : '';
    const sortBy = (body.SortBy as string | undefined) ?? 'CREATION_TIME';
    const dir = direction(body);
    const matching = [...this.images.values()]
      .filter((i) => i.name.includes(contains) && inTimeRange(i, body))
      .sort((a, b) => {
        const primary =
          sortBy === 'IMAGE_NAME'
            ? a.name.localeCompare(b.name)
            : sortBy === 'LAST_MODIFIED_TIME'
              ? a.lastModifiedTime - b.lastModifiedTime
              : a.creationTime - b.creationTime;
        // Ties broken by name so pages are stable.
        return dir * (primary !== 0 ? primary : a.name.localeCompare(b.name));
      });
    const hash = queryHash({ op: 'ListImages', region: this.region, contains, sortBy, dir, ...timeKey(body) });
    const { items, nextToken } = paginate(matching, body, hash);
    return compact({ Images: items.map((i) => this.imageJson(i)), NextToken: nextToken });
  }

  ListImageVersions(body: Body): Json {
    const image = this.image(body.ImageName as string);
    const sortBy = (body.SortBy as string | undefined) ?? 'CREATION_TIME';
    const dir = direction(body);
    const matching = image.versions
      .filter((v) => inTimeRange(v, body))
      .sort((a, b) => {
        const primary =
          sortBy === 'VERSION'
            ? a.version - b.version
            : sortBy === 'LAST_MODIFIED_TIME'
              ? a.lastModifiedTime - b.lastModifiedTime
              : a.creationTime - b.creationTime;
        return dir * (primary !== 0 ? primary : a.version - b.version);
      });
    const hash = queryHash({ op: 'ListImageVersions', region: this.region, image: image.name, sortBy, dir, ...timeKey(body) });
    const { items, nextToken } = paginate(matching, body, hash);
    return compact({ ImageVersions: items.map((v) => this.versionJson(image, v)), NextToken: nextToken });
  }

  DescribeImage(body: Body): Json {
    const image = this.image(body.ImageName as string);
    return { ...this.imageJson(image), RoleArn: image.roleArn };
  }

  DescribeImageVersion(body: Body): Json {
    const image = this.image(body.ImageName as string);
    const v = this.version(image, body);
    return compact({
      ...this.versionJson(image, v),
      BaseImage: v.baseImage,
      ContainerImage: v.containerImage,
      VendorGuidance: v.vendorGuidance,
      JobType: v.jobType,
      MLFramework: v.mlFramework,
      ProgrammingLang: v.programmingLang,
      Processor: v.processor,
      Horovod: v.horovod,
      ReleaseNotes: v.releaseNotes,
    });
  }

  ListAliases(body: Body): Json {
    const image = this.image(body.ImageName as string);
    let versions = [...image.versions].sort((a, b) => a.version - b.version);
    if (body.Version !== undefined || body.Alias !== undefined) versions = [this.version(image, body)];
    const aliases = versions.flatMap((v) => v.aliases).filter((a) => body.Alias === undefined || a === body.Alias);
    const hash = queryHash({ op: 'ListAliases', region: this.region, image: image.name, version: body.Version, alias: body.Alias });
    const { items, nextToken } = paginate(aliases, body, hash);
    return compact({ SageMakerImageVersionAliases: items, NextToken: nextToken });
  }

  CreateImage(body: Body, now = Date.now()): Json {
    const name = body.ImageName as string;
    if (this.images.has(name)) throw inUse(`The Image with ImageName ${name} already exists. Please use a different ImageName.`);
    const image: StoredImage = {
      name,
      status: 'CREATING',
      displayName: body.DisplayName as string | undefined,
      description: body.Description as string | undefined,
      roleArn: body.RoleArn as string,
      creationTime: now,
      lastModifiedTime: now,
      tags: (body.Tags as StoredImage['tags'] | undefined) ?? [],
      versions: [],
    };
    this.images.set(name, image);
    this.settleImage(image, 'CREATING', 'CREATED');
    return { ImageArn: imageArn(this.region, name) };
  }

  UpdateImage(body: Body, now = Date.now()): Json {
    const image = this.image(body.ImageName as string);
    this.assertImageSettled(image, 'update');
    const deleted = new Set((body.DeleteProperties as string[] | undefined) ?? []);
    for (const property of deleted) {
      if (body[property] !== undefined) throw validationError(`The property ${property} cannot be both updated and deleted.`);
    }
    if (body.DisplayName !== undefined) image.displayName = body.DisplayName as string;
    if (body.Description !== undefined) image.description = body.Description as string;
    if (body.RoleArn !== undefined) image.roleArn = body.RoleArn as string;
    if (deleted.has('DisplayName')) image.displayName = undefined;
    if (deleted.has('Description')) image.description = undefined;
    image.status = 'UPDATING';
    image.failureReason = undefined;
    image.lastModifiedTime = now;
    this.settleImage(image, 'UPDATING', 'CREATED');
    return { ImageArn: imageArn(this.region, image.name) };
  }

  DeleteImage(body: Body, now = Date.now()): Json {
    const image = this.image(body.ImageName as string);
    this.assertImageSettled(image, 'delete');
    const busy = image.versions.find((v) => TRANSIENT.has(v.status));
    if (busy) throw inUse(`Image ${image.name} cannot be deleted while Version ${busy.version} is ${busy.status}.`);
    image.status = 'DELETING';
    image.failureReason = undefined;
    image.lastModifiedTime = now;
    this.lifecycle.start({ region: this.region, image: image.name, from: 'DELETING', to: 'GONE' }, () => {
      if (this.images.get(image.name) === image && image.status === 'DELETING') this.images.delete(image.name);
    });
    return {};
  }

  CreateImageVersion(body: Body, now = Date.now()): Json {
    const image = this.image(body.ImageName as string);
    const token = body.ClientToken as string;
    const input = stableJson({ ...body, ClientToken: undefined });
    const used = this.tokens.get(token);
    if (used) {
      // The same request again (a retry) gets the first answer; another request with its token is refused.
      if (used.input === input) return { ImageVersionArn: imageVersionArn(this.region, used.image, used.version) };
      throw validationError(
        `The ClientToken ${token} was already used with different parameters (for Version ${used.version} of image ${used.image}). Use a new ClientToken for a new request.`,
      );
    }
    if (image.status !== 'CREATED') throw validationError(`Image ${image.name} is in an invalid state.`);
    const aliases = (body.Aliases as string[] | undefined) ?? [];
    this.assertAliasesFree(image, aliases);
    const version = Math.max(image.highestVersion ?? 0, latest(image)?.version ?? 0) + 1;
    image.highestVersion = version;
    this.tokens.set(token, { image: image.name, version, input });
    const stored = compact({
      version,
      status: 'CREATING',
      creationTime: now,
      lastModifiedTime: now,
      baseImage: body.BaseImage,
      containerImage: containerImageFor(this.region, image.name, version),
      aliases: [...aliases],
      clientToken: token,
      ...metadataFrom(body),
    }) as unknown as StoredVersion;
    image.versions.push(stored);
    image.lastModifiedTime = now;
    const fails = FAIL_CREATE_MARKER.test(String(body.BaseImage));
    this.lifecycle.start(
      { region: this.region, image: image.name, version, from: 'CREATING', to: fails ? 'CREATE_FAILED' : 'CREATED' },
      () => {
        if (!image.versions.includes(stored) || stored.status !== 'CREATING') return;
        stored.status = fails ? 'CREATE_FAILED' : 'CREATED';
        if (fails) stored.failureReason = `Unable to pull the base image ${String(body.BaseImage)}: manifest unknown.`;
        stored.lastModifiedTime = Date.now();
      },
    );
    return { ImageVersionArn: imageVersionArn(this.region, image.name, version) };
  }

  UpdateImageVersion(body: Body, now = Date.now()): Json {
    const image = this.image(body.ImageName as string);
    const v = this.version(image, body);
    this.assertVersionSettled(image, v, 'update');
    const add = (body.AliasesToAdd as string[] | undefined) ?? [];
    const remove = new Set((body.AliasesToDelete as string[] | undefined) ?? []);
    this.assertAliasesFree(
      image,
      add.filter((a) => !v.aliases.includes(a)),
    );
    v.aliases = [...new Set([...v.aliases.filter((a) => !remove.has(a)), ...add])];
    Object.assign(v, metadataFrom(body));
    v.lastModifiedTime = now;
    return { ImageVersionArn: imageVersionArn(this.region, image.name, v.version) };
  }

  DeleteImageVersion(body: Body, now = Date.now()): Json {
    const image = this.image(body.ImageName as string);
    if (body.Version === undefined && body.Alias === undefined) throw validationError('Either Version or Alias must be specified.');
    const v = this.version(image, body);
    this.assertVersionSettled(image, v, 'delete');
    v.status = 'DELETING';
    v.failureReason = undefined;
    v.lastModifiedTime = now;
    this.lifecycle.start({ region: this.region, image: image.name, version: v.version, from: 'DELETING', to: 'GONE' }, () => {
      if (v.status === 'DELETING') image.versions = image.versions.filter((x) => x !== v);
    });
    return {};
  }

  /**
   * Starts the transitions of the rows already in a transient state (a fixture's CREATING,
   * UPDATING and DELETING rows), as if their writes had just been made. Returns how many started.
   */
  startTransientRows(): number {
    let started = 0;
    for (const image of this.images.values()) {
      if (image.status === 'DELETING') {
        started++;
        this.lifecycle.start({ region: this.region, image: image.name, from: 'DELETING', to: 'GONE' }, () => {
          if (this.images.get(image.name) === image && image.status === 'DELETING') this.images.delete(image.name);
        });
      } else if (image.status === 'CREATING' || image.status === 'UPDATING') {
        started++;
        this.settleImage(image, image.status, 'CREATED');
      }
      for (const v of image.versions) {
        if (v.status === 'CREATING') {
          started++;
          this.lifecycle.start({ region: this.region, image: image.name, version: v.version, from: 'CREATING', to: 'CREATED' }, () => {
            if (image.versions.includes(v) && v.status === 'CREATING') v.status = 'CREATED';
          });
        } else if (v.status === 'DELETING') {
          started++;
          this.lifecycle.start({ region: this.region, image: image.name, version: v.version, from: 'DELETING', to: 'GONE' }, () => {
            if (v.status === 'DELETING') image.versions = image.versions.filter((x) => x !== v);
          });
        }
      }
    }
    return started;
  }

  /** Ends an image's CREATING or UPDATING in CREATED, unless someone changed it meanwhile. */
  private settleImage(image: StoredImage, from: 'CREATING' | 'UPDATING', to: 'CREATED'): void {
    this.lifecycle.start({ region: this.region, image: image.name, from, to }, () => {
      if (this.images.get(image.name) !== image || image.status !== from) return;
      image.status = to;
      image.lastModifiedTime = Date.now();
    });
  }

  /** Update and delete are refused while the image is between states, as the service does (ResourceInUse). */
  private assertImageSettled(image: StoredImage, action: 'update' | 'delete'): void {
    if (TRANSIENT.has(image.status)) throw inUse(`Image ${image.name} cannot be ${action}d while it is ${image.status}.`);
  }

  private assertVersionSettled(image: StoredImage, v: StoredVersion, action: 'update' | 'delete'): void {
    if (TRANSIENT.has(v.status))
      throw inUse(`ImageVersion with ImageName ${image.name} and Version ${v.version} cannot be ${action}d while it is ${v.status}.`);
    if (TRANSIENT.has(image.status)) throw inUse(`Image ${image.name} is ${image.status}: its versions cannot be ${action}d now.`);
  }

  private assertAliasesFree(image: StoredImage, aliases: string[]): void {
    for (const a of aliases) {
      const holder = image.versions.find((v) => v.aliases.includes(a));
      if (holder) throw validationError(`Alias ${a} is already associated with Version ${holder.version} of image ${image.name}.`);
    }
  }
}

/** The optional version metadata members of Create/UpdateImageVersion, as stored fields (only those given). */
const METADATA_FIELDS = {
  VendorGuidance: 'vendorGuidance',
  JobType: 'jobType',
  MLFramework: 'mlFramework',
  ProgrammingLang: 'programmingLang',
  Processor: 'processor',
  Horovod: 'horovod',
  ReleaseNotes: 'releaseNotes',
} as const;

function metadataFrom(body: Body): Partial<StoredVersion> {
  return compact(
    Object.fromEntries(Object.entries(METADATA_FIELDS).map(([member, field]) => [field, body[member]])),
  ) as Partial<StoredVersion>;
}

function latest(image: StoredImage): StoredVersion | undefined {
  return image.versions.reduce<StoredVersion | undefined>((best, v) => (!best || v.version > best.version ? v : best), undefined);
}

/** JSON with sorted keys and undefined members left out, to compare two requests. */
function stableJson(body: Body): string {
  const sorted = Object.keys(body)
    .filter((k) => body[k] !== undefined)
    .sort()
    .map((k) => [k, body[k]]);
  return JSON.stringify(sorted);
}

function timeKey(body: Body): Json {
  return compact({
    ca: body.CreationTimeAfter,
    cb: body.CreationTimeBefore,
    ma: body.LastModifiedTimeAfter,
    mb: body.LastModifiedTimeBefore,
  });
}

export function containerImageFor(region: string, name: string, version: number): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${ACCOUNT_ID}.dkr.ecr.${region}.${domain}/${name.toLowerCase()}:v${version}`;
}

/** All regions of the emulated account. */
export class Store {
  private readonly regions = new Map<string, RegionStore>();

  constructor(readonly lifecycle: Lifecycle = new Lifecycle(0)) {}

  region(name: string): RegionStore {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionStore(name, this.lifecycle);
      this.regions.set(name, r);
    }
    return r;
  }

  /** Removes every region's data and drops the transitions in progress. */
  clear(): void {
    this.lifecycle.cancel();
    this.regions.clear();
  }

  /** Starts the transitions of every transient row in every region (see RegionStore.startTransientRows). */
  startTransientRows(): number {
    let started = 0;
    for (const r of this.regions.values()) started += r.startTransientRows();
    return started;
  }

  counts(): { images: number; versions: number } {
    let images = 0;
    let versions = 0;
    for (const r of this.regions.values()) {
      images += r.images.size;
      for (const i of r.images.values()) versions += i.versions.length;
    }
    return { images, versions };
  }
}
