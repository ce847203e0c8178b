/**
 * Plain data the rest of the extension sees. No SDK types leak past src/aws, so src/model and
 * src/tree never load (or even type-depend on) @aws-sdk/client-sagemaker.
 */
import type { Page } from './page';
import type { StudioOperations } from './studioTypes';

export type ImageStatus = 'CREATING' | 'CREATED' | 'CREATE_FAILED' | 'UPDATING' | 'UPDATE_FAILED' | 'DELETING' | 'DELETE_FAILED';

export const IMAGE_VERSION_STATUSES = ['CREATING', 'CREATED', 'CREATE_FAILED', 'DELETING', 'DELETE_FAILED'] as const;
export type ImageVersionStatus = (typeof IMAGE_VERSION_STATUSES)[number];

export const IMAGE_SORT_BY = ['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME'] as const;
export type ImageSortBy = (typeof IMAGE_SORT_BY)[number];

export const IMAGE_VERSION_SORT_BY = ['CREATION_TIME', 'LAST_MODIFIED_TIME', 'VERSION'] as const;
export type ImageVersionSortBy = (typeof IMAGE_VERSION_SORT_BY)[number];

export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export type { Page } from './page';

/** Inclusive time bounds, as the API defines them ("on or after" / "on or before"). */
export interface TimeFilters {
  creationTimeAfter?: Date;
  creationTimeBefore?: Date;
  lastModifiedTimeAfter?: Date;
  lastModifiedTimeBefore?: Date;
}

export interface ImageSummary {
  imageName: string;
  imageArn: string;
  /** Unknown values from a newer service are passed through as strings. */
  imageStatus: ImageStatus | string;
  creationTime: Date;
  lastModifiedTime: Date;
  displayName?: string;
  description?: string;
  failureReason?: string;
}

export interface ImageDetails extends ImageSummary {
  roleArn?: string;
}

export interface ImageVersionSummary {
  imageArn: string;
  imageVersionArn: string;
  version: number;
  imageVersionStatus: ImageVersionStatus | string;
  creationTime: Date;
  lastModifiedTime: Date;
  failureReason?: string;
}

/** A version's metadata: what DescribeImageVersion answers and CreateImageVersion / UpdateImageVersion set. */
export interface VersionMetadata {
  vendorGuidance?: string;
  jobType?: string;
  mlFramework?: string;
  programmingLang?: string;
  processor?: string;
  horovod?: boolean;
  releaseNotes?: string;
}

export interface ImageVersionDetails extends ImageVersionSummary, VersionMetadata {
  baseImage?: string;
  containerImage?: string;
}

/** One image, in one region (keys of the details caches, documents and commands). */
export interface ImageRef {
  readonly region: string;
  readonly imageName: string;
}

/** One version of an image, in one region. */
export interface VersionRef extends ImageRef {
  readonly version: number;
}

export interface VersionDetails {
  readonly details: ImageVersionDetails;
  /** ListAliases with the version: bare alias strings. */
  readonly aliases: readonly string[];
}

export interface ImageOverview {
  readonly image: ImageDetails;
  /** The latest version, or undefined when the image has none. */
  readonly latest: ImageVersionDetails | undefined;
}

export interface ListImagesInput extends TimeFilters {
  maxResults?: number;
  nameContains?: string;
  sortBy?: ImageSortBy;
  sortOrder?: SortOrder;
  nextToken?: string;
}

export interface ListImageVersionsInput extends TimeFilters {
  imageName: string;
  maxResults?: number;
  sortBy?: ImageVersionSortBy;
  sortOrder?: SortOrder;
  nextToken?: string;
}

export interface DescribeImageInput {
  imageName: string;
}

export interface DescribeImageVersionInput {
  imageName: string;
  /** Omit both version and alias for the latest version. */
  version?: number;
  alias?: string;
}

export interface ListAliasesInput {
  imageName: string;
  /** Omit for the aliases of every version of the image. */
  version?: number;
  alias?: string;
  maxResults?: number;
  nextToken?: string;
}

/** ListAliases followed to the end: every alias of an image, or of one version. */
export interface ListAllAliasesInput {
  imageName: string;
  /** Omit for the aliases of every version of the image. */
  version?: number;
}

/** A resource tag, as CreateImage takes it (src/requests/imageFields.ts checks key and value). */
export interface ImageTag {
  key: string;
  value: string;
}

export interface CreateImageInput {
  imageName: string;
  roleArn: string;
  displayName?: string;
  description?: string;
  tags?: ImageTag[];
}

export interface CreateImageVersionInput extends VersionMetadata {
  imageName: string;
  baseImage: string;
  /**
   * Made once per user action (newClientToken() in src/requests/imageFields.ts) and sent as is: the
   * SDK's retries resend the same input, so a retry after a timeout never makes a second version.
   */
  clientToken: string;
  aliases?: string[];
}

/** Properties UpdateImage can clear (the model's ImageDeleteProperty). */
export type ImageDeleteProperty = 'DisplayName' | 'Description';

export interface UpdateImageInput {
  imageName: string;
  displayName?: string;
  description?: string;
  roleArn?: string;
  /** Cleared on the image; a property cannot be both set and cleared in one call. */
  deleteProperties?: ImageDeleteProperty[];
}

export interface UpdateImageVersionInput extends VersionMetadata {
  imageName: string;
  /** Version or alias selects the version (the model allows either; neither is the latest). */
  version?: number;
  alias?: string;
  aliasesToAdd?: string[];
  aliasesToDelete?: string[];
}

export interface DeleteImageInput {
  imageName: string;
}

export interface DeleteImageVersionInput {
  imageName: string;
  version?: number;
  alias?: string;
}

/** What a delete answers: nothing (the service's response is `{}`). */
export type EmptyOutput = Record<string, never>;

/**
 * The operation table: every call the extension makes to SageMaker, by name, with what it takes
 * and what it answers. src/aws implements each entry (src/aws/operations.ts `operations`, typed
 * so a missing or extra entry fails to compile) and SageMakerSession.call runs one by name, so a
 * new operation is its types here, its input checks and entry in src/aws, its consumer and the
 * emulator: no forwarder or re-export. Each entry validates its input first (an invalid one sends
 * nothing) and sends one request (the writes too: createImageVersion carries the caller's
 * ClientToken, so the SDK's retries of it are idempotent); listAllAliases alone follows
 * NextToken, one request a page.
 */
export interface Operations extends StudioOperations {
  listImages: { input: ListImagesInput; output: Page<ImageSummary> };
  listImageVersions: { input: ListImageVersionsInput; output: Page<ImageVersionSummary> };
  describeImage: { input: DescribeImageInput; output: ImageDetails };
  describeImageVersion: { input: DescribeImageVersionInput; output: ImageVersionDetails };
  listAliases: { input: ListAliasesInput; output: Page<string> };
  listAllAliases: { input: ListAllAliasesInput; output: string[] };
  createImage: { input: CreateImageInput; output: { imageArn: string } };
  createImageVersion: { input: CreateImageVersionInput; output: { imageVersionArn: string } };
  updateImage: { input: UpdateImageInput; output: { imageArn: string } };
  updateImageVersion: { input: UpdateImageVersionInput; output: { imageVersionArn: string } };
  deleteImage: { input: DeleteImageInput; output: EmptyOutput };
  deleteImageVersion: { input: DeleteImageVersionInput; output: EmptyOutput };
}

export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = Operations[K]['input'];
export type OperationOutput<K extends OperationName> = Operations[K]['output'];

/** Per-call options shared by every operation. */
export interface CallOptions {
  /** Aborts the HTTP request; the call then rejects with a RequestCancelledError. */
  abortSignal?: AbortSignal;
}
