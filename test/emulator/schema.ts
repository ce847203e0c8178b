/**
 * The input shapes of the nine image operations, copied from the SageMaker service model
 * (Smithy JSON, api-models-aws commit 56c8953e, cut to these operations), and of UpdateImage and
 * DeleteImage (botocore 1.43.11, /work/shared/reference/sagemaker-studio-model.json; its patterns
 * are unanchored, the ones here are as given there). The emulator validates
 * every request against these, as SageMaker does server-side: the SDK validates nothing.
 *
 * Kept independent of src/ on purpose: the emulator plays the service, so a constraint the
 * extension gets wrong must show up as a difference, not be shared.
 */

import { STUDIO_OPERATIONS } from './studioSchema';

export type Shape =
  | { type: 'string'; min?: number; max?: number; pattern?: string; flags?: string }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'timestamp' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'structure'; members: Record<string, Member> };

export interface Member {
  shape: Shape;
  required?: boolean;
}

const Timestamp: Shape = { type: 'timestamp' };
const MaxResults: Shape = { type: 'integer', min: 1, max: 100 };
const NextToken: Shape = { type: 'string', min: 0, max: 8192, pattern: '.*' };
const ImageName: Shape = { type: 'string', min: 1, max: 63, pattern: '^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$' };
const ImageNameContains: Shape = { type: 'string', min: 0, max: 63, pattern: '^[a-zA-Z0-9\\-.]+$' };
const ImageVersionNumber: Shape = { type: 'integer', min: 0 };
const Alias: Shape = { type: 'string', min: 1, max: 128, pattern: '^(?!^[.-])^([a-zA-Z0-9-_.]+)$' };
const Aliases: Shape = { type: 'list', member: Alias };
const ImageDescription: Shape = { type: 'string', min: 1, max: 512, pattern: '.*' };
const ImageDisplayName: Shape = { type: 'string', min: 1, max: 128, pattern: '^\\S(.*\\S)?$' };
const RoleArn: Shape = { type: 'string', min: 20, max: 2048, pattern: '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$' };
const BaseImage: Shape = { type: 'string', min: 1, max: 255, pattern: '.*' };
const ClientToken: Shape = { type: 'string', min: 1, max: 36, pattern: '^[a-zA-Z0-9-]+$' };
const VendorGuidance: Shape = { type: 'enum', values: ['NOT_PROVIDED', 'STABLE', 'TO_BE_ARCHIVED', 'ARCHIVED'] };
const JobType: Shape = { type: 'enum', values: ['TRAINING', 'INFERENCE', 'NOTEBOOK_KERNEL'] };
const FrameworkOrLang: Shape = { type: 'string', min: 1, max: 128, pattern: '^[a-zA-Z]+ ?\\d+\\.\\d+(\\.\\d+)?$' };
const Processor: Shape = { type: 'enum', values: ['CPU', 'GPU'] };
const Horovod: Shape = { type: 'boolean' };
const ReleaseNotes: Shape = { type: 'string', min: 1, max: 255, pattern: '.*' };
const TagText = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
const Tag: Shape = {
  type: 'structure',
  members: {
    Key: { shape: { type: 'string', min: 1, max: 128, pattern: TagText, flags: 'u' }, required: true },
    Value: { shape: { type: 'string', min: 0, max: 256, pattern: TagText, flags: 'u' }, required: true },
  },
};
/** ImageDeleteProperty: botocore's pattern, which anchors each alternative itself. */
const ImageDeleteProperty: Shape = { type: 'string', min: 1, max: 11, pattern: '(^DisplayName$)|(^Description$)' };
const SortOrder: Shape = { type: 'enum', values: ['ASCENDING', 'DESCENDING'] };
const timeFilters = {
  CreationTimeAfter: { shape: Timestamp },
  CreationTimeBefore: { shape: Timestamp },
  LastModifiedTimeAfter: { shape: Timestamp },
  LastModifiedTimeBefore: { shape: Timestamp },
};
const versionMetadata = {
  VendorGuidance: { shape: VendorGuidance },
  JobType: { shape: JobType },
  MLFramework: { shape: FrameworkOrLang },
  ProgrammingLang: { shape: FrameworkOrLang },
  Processor: { shape: Processor },
  Horovod: { shape: Horovod },
  ReleaseNotes: { shape: ReleaseNotes },
};

export const OPERATIONS = {
  ListImages: {
    ...timeFilters,
    MaxResults: { shape: MaxResults },
    NameContains: { shape: ImageNameContains },
    NextToken: { shape: NextToken },
    SortBy: { shape: { type: 'enum', values: ['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME'] } },
    SortOrder: { shape: SortOrder },
  },
  ListImageVersions: {
    ...timeFilters,
    ImageName: { shape: ImageName, required: true },
    MaxResults: { shape: MaxResults },
    NextToken: { shape: NextToken },
    SortBy: { shape: { type: 'enum', values: ['CREATION_TIME', 'LAST_MODIFIED_TIME', 'VERSION'] } },
    SortOrder: { shape: SortOrder },
  },
  DescribeImage: { ImageName: { shape: ImageName, required: true } },
  DescribeImageVersion: {
    ImageName: { shape: ImageName, required: true },
    Version: { shape: ImageVersionNumber },
    Alias: { shape: Alias },
  },
  ListAliases: {
    ImageName: { shape: ImageName, required: true },
    Alias: { shape: Alias },
    Version: { shape: ImageVersionNumber },
    MaxResults: { shape: MaxResults },
    NextToken: { shape: NextToken },
  },
  CreateImage: {
    Description: { shape: ImageDescription },
    DisplayName: { shape: ImageDisplayName },
    ImageName: { shape: ImageName, required: true },
    RoleArn: { shape: RoleArn, required: true },
    Tags: { shape: { type: 'list', member: Tag, min: 0, max: 50 } },
  },
  CreateImageVersion: {
    BaseImage: { shape: BaseImage, required: true },
    ClientToken: { shape: ClientToken, required: true },
    ImageName: { shape: ImageName, required: true },
    Aliases: { shape: Aliases },
    ...versionMetadata,
  },
  UpdateImageVersion: {
    ImageName: { shape: ImageName, required: true },
    Alias: { shape: Alias },
    Version: { shape: ImageVersionNumber },
    AliasesToAdd: { shape: Aliases },
    AliasesToDelete: { shape: Aliases },
    ...versionMetadata,
  },
  DeleteImageVersion: {
    ImageName: { shape: ImageName, required: true },
    Version: { shape: ImageVersionNumber },
    Alias: { shape: Alias },
  },
  UpdateImage: {
    DeleteProperties: { shape: { type: 'list', member: ImageDeleteProperty, min: 0, max: 2 } },
    Description: { shape: ImageDescription },
    DisplayName: { shape: ImageDisplayName },
    ImageName: { shape: ImageName, required: true },
    RoleArn: { shape: RoleArn },
  },
  DeleteImage: { ImageName: { shape: ImageName, required: true } },
  ...STUDIO_OPERATIONS,
} satisfies Record<string, Record<string, Member>>;

export type OperationName = keyof typeof OPERATIONS;

export function isOperation(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, name);
}
