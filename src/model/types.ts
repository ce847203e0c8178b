/**
 * Plain data the rest of the extension sees. No SDK types leak past src/aws, so src/model and
 * src/tree never load (or even type-depend on) @aws-sdk/client-sagemaker.
 */

export type ImageStatus = 'CREATING' | 'CREATED' | 'CREATE_FAILED' | 'UPDATING' | 'UPDATE_FAILED' | 'DELETING' | 'DELETE_FAILED';

export const IMAGE_VERSION_STATUSES = ['CREATING', 'CREATED', 'CREATE_FAILED', 'DELETING', 'DELETE_FAILED'] as const;
export type ImageVersionStatus = (typeof IMAGE_VERSION_STATUSES)[number];

export const IMAGE_SORT_BY = ['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME'] as const;
export type ImageSortBy = (typeof IMAGE_SORT_BY)[number];

export const IMAGE_VERSION_SORT_BY = ['CREATION_TIME', 'LAST_MODIFIED_TIME', 'VERSION'] as const;
export type ImageVersionSortBy = (typeof IMAGE_VERSION_SORT_BY)[number];

export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** One page of a list call. `nextToken` is absent on the last page (an empty string counts as absent). */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
  /** x-amzn-RequestId of the call that produced the page, for logs and error reports. */
  readonly requestId?: string;
}

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

export interface ImageVersionDetails extends ImageVersionSummary {
  baseImage?: string;
  containerImage?: string;
  vendorGuidance?: string;
  jobType?: string;
  mlFramework?: string;
  programmingLang?: string;
  processor?: string;
  horovod?: boolean;
  releaseNotes?: string;
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

/** Per-call options shared by every operation. */
export interface CallOptions {
  /** Aborts the HTTP request; the call then rejects with a RequestCancelledError. */
  abortSignal?: AbortSignal;
}
