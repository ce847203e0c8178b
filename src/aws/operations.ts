/**
 * One function per SageMaker call, all of the shape (connection, input, options), and `operations`,
 * the table of them that SageMakerSession.call runs by name (src/model/types.ts Operations says
 * what each takes and answers). Each validates its input (so an invalid request is never sent),
 * makes exactly one request (request.ts `send`: maps failures through toAwsError, logs the call: operation,
 * parameters, status, request id, duration, never headers or credentials) and returns plain
 * objects with Dates. The writes carry only what the caller set (an edit sends what changed).
 * None of them follows NextToken (paging is the caller's decision) except
 * listAllAliases, which reads the few pages of an alias list to the end, never unboundedly.
 */
import {
  CreateImageCommand,
  CreateImageVersionCommand,
  DeleteImageCommand,
  DeleteImageVersionCommand,
  DescribeImageCommand,
  DescribeImageVersionCommand,
  ListAliasesCommand,
  ListImagesCommand,
  ListImageVersionsCommand,
  UpdateImageCommand,
  UpdateImageVersionCommand,
  type Image,
  type ImageVersion,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from './clientFactory';
import type { OperationOptions, OperationTable } from '../model/awsLayer';
import { l10n } from '../model/l10n';
import {
  checkAlias,
  checkAliasList,
  checkBoolean,
  checkClientToken,
  checkDate,
  checkDeleteProperties,
  checkImageName,
  checkImageSortBy,
  checkJobType,
  checkMaxResults,
  checkNameContains,
  checkNextToken,
  checkOptionalField,
  checkProcessor,
  checkRequiredField,
  checkSortOrder,
  checkTagList,
  checkVendorGuidance,
  checkVersionNumber,
  checkVersionSelector,
  checkVersionSortBy,
  invalidInput,
} from './inputs';
import { defined, page, send } from './request';
import { studioOperations } from './studioOperations';
import { collectAllPages } from '../requests/paging';
import type {
  CreateImageInput,
  CreateImageVersionInput,
  DeleteImageInput,
  DeleteImageVersionInput,
  DescribeImageInput,
  DescribeImageVersionInput,
  ImageDetails,
  ImageSummary,
  ImageVersionDetails,
  ImageVersionSummary,
  ListAliasesInput,
  ListAllAliasesInput,
  ListImagesInput,
  ListImageVersionsInput,
  Page,
  TimeFilters,
  EmptyOutput,
  UpdateImageInput,
  UpdateImageVersionInput,
} from '../model/types';

function checkTimeFilters(f: TimeFilters): TimeFilters {
  return {
    CreationTimeAfter: checkDate(f.creationTimeAfter, l10n.t('Created after')),
    CreationTimeBefore: checkDate(f.creationTimeBefore, l10n.t('Created before')),
    LastModifiedTimeAfter: checkDate(f.lastModifiedTimeAfter, l10n.t('Modified after')),
    LastModifiedTimeBefore: checkDate(f.lastModifiedTimeBefore, l10n.t('Modified before')),
  } as TimeFilters;
}

function epoch(d: Date | undefined): Date {
  // Required by the model; a service that omits it gets the epoch rather than a crash in a sort.
  return d ?? new Date(0);
}

export function toImageSummary(i: Image): ImageSummary {
  // Built field by field (no Object.entries round trip): this runs for every listed item.
  const out: ImageSummary = {
    imageName: i.ImageName ?? '',
    imageArn: i.ImageArn ?? '',
    imageStatus: i.ImageStatus ?? 'UNKNOWN',
    creationTime: epoch(i.CreationTime),
    lastModifiedTime: epoch(i.LastModifiedTime),
  };
  if (i.DisplayName !== undefined) out.displayName = i.DisplayName;
  if (i.Description !== undefined) out.description = i.Description;
  if (i.FailureReason !== undefined) out.failureReason = i.FailureReason;
  return out;
}

export function toImageVersionSummary(v: ImageVersion): ImageVersionSummary {
  const out: ImageVersionSummary = {
    imageArn: v.ImageArn ?? '',
    imageVersionArn: v.ImageVersionArn ?? '',
    version: v.Version ?? 0,
    imageVersionStatus: v.ImageVersionStatus ?? 'UNKNOWN',
    creationTime: epoch(v.CreationTime),
    lastModifiedTime: epoch(v.LastModifiedTime),
  };
  if (v.FailureReason !== undefined) out.failureReason = v.FailureReason;
  return out;
}

export async function listImagesPage(
  conn: SageMakerConnection,
  input: ListImagesInput = {},
  options: OperationOptions = {},
): Promise<Page<ImageSummary>> {
  const request = defined({
    MaxResults: checkMaxResults(input.maxResults),
    NameContains: checkNameContains(input.nameContains),
    SortBy: checkImageSortBy(input.sortBy),
    SortOrder: checkSortOrder(input.sortOrder),
    NextToken: checkNextToken(input.nextToken),
    ...checkTimeFilters(input),
  });
  const out = await send<import('@aws-sdk/client-sagemaker').ListImagesCommandOutput>(
    conn,
    new ListImagesCommand(request),
    { operation: 'ListImages' },
    options,
  );
  return page((out.Images ?? []).map(toImageSummary), out.NextToken, out.$metadata.requestId);
}

export async function listImageVersionsPage(
  conn: SageMakerConnection,
  input: ListImageVersionsInput,
  options: OperationOptions = {},
): Promise<Page<ImageVersionSummary>> {
  const imageName = checkImageName(input.imageName);
  const request = defined({
    ImageName: imageName,
    MaxResults: checkMaxResults(input.maxResults),
    SortBy: checkVersionSortBy(input.sortBy),
    SortOrder: checkSortOrder(input.sortOrder),
    NextToken: checkNextToken(input.nextToken),
    ...checkTimeFilters(input),
  });
  const out = await send<import('@aws-sdk/client-sagemaker').ListImageVersionsCommandOutput>(
    conn,
    new ListImageVersionsCommand(request),
    { operation: 'ListImageVersions', imageName },
    options,
  );
  return page((out.ImageVersions ?? []).map(toImageVersionSummary), out.NextToken, out.$metadata.requestId);
}

export async function describeImage(
  conn: SageMakerConnection,
  input: DescribeImageInput,
  options: OperationOptions = {},
): Promise<ImageDetails> {
  const name = checkImageName(input.imageName);
  const out = await send<import('@aws-sdk/client-sagemaker').DescribeImageCommandOutput>(
    conn,
    new DescribeImageCommand({ ImageName: name }),
    { operation: 'DescribeImage', imageName: name },
    options,
  );
  return defined({ ...toImageSummary({ ...out, ImageName: out.ImageName ?? name } as Image), roleArn: out.RoleArn });
}

export async function describeImageVersion(
  conn: SageMakerConnection,
  input: DescribeImageVersionInput,
  options: OperationOptions = {},
): Promise<ImageVersionDetails> {
  const imageName = checkImageName(input.imageName);
  const version = checkVersionNumber(input.version);
  const request = defined({ ImageName: imageName, Version: version, Alias: checkAlias(input.alias) });
  const out = await send<import('@aws-sdk/client-sagemaker').DescribeImageVersionCommandOutput>(
    conn,
    new DescribeImageVersionCommand(request),
    { operation: 'DescribeImageVersion', imageName, version, alias: request.Alias },
    options,
  );
  return defined({
    ...toImageVersionSummary(out as ImageVersion),
    baseImage: out.BaseImage,
    containerImage: out.ContainerImage,
    vendorGuidance: out.VendorGuidance,
    jobType: out.JobType,
    mlFramework: out.MLFramework,
    programmingLang: out.ProgrammingLang,
    processor: out.Processor,
    horovod: out.Horovod,
    releaseNotes: out.ReleaseNotes,
  });
}

export async function listAliasesPage(
  conn: SageMakerConnection,
  input: ListAliasesInput,
  options: OperationOptions = {},
): Promise<Page<string>> {
  const imageName = checkImageName(input.imageName);
  const version = checkVersionNumber(input.version);
  const request = defined({
    ImageName: imageName,
    Version: version,
    Alias: checkAlias(input.alias),
    MaxResults: checkMaxResults(input.maxResults),
    NextToken: checkNextToken(input.nextToken),
  });
  const out = await send<import('@aws-sdk/client-sagemaker').ListAliasesCommandOutput>(
    conn,
    new ListAliasesCommand(request),
    { operation: 'ListAliases', imageName, version },
    options,
  );
  return page(out.SageMakerImageVersionAliases ?? [], out.NextToken, out.$metadata.requestId);
}

/** All aliases of an image or one version: ListAliases followed to the end on one connection, at most 50 pages. */
export function listAllAliases(conn: SageMakerConnection, input: ListAllAliasesInput, options: OperationOptions = {}): Promise<string[]> {
  const { imageName, version } = input;
  const what =
    version === undefined
      ? l10n.t('the aliases of image “{0}”', imageName)
      : l10n.t('the aliases of version {0} of image “{1}”', version, imageName);
  return collectAllPages((nextToken) => listAliasesPage(conn, { imageName, version, maxResults: 100, nextToken }, options), what);
}

/** The version metadata CreateImageVersion and UpdateImageVersion share, as request members. */
function versionMetadata(input: Omit<CreateImageVersionInput, 'imageName' | 'baseImage' | 'clientToken' | 'aliases'>) {
  return {
    VendorGuidance: checkVendorGuidance(input.vendorGuidance),
    JobType: checkJobType(input.jobType),
    MLFramework: checkOptionalField('mlFramework', input.mlFramework),
    ProgrammingLang: checkOptionalField('programmingLang', input.programmingLang),
    Processor: checkProcessor(input.processor),
    Horovod: checkBoolean(input.horovod, l10n.t('Horovod')),
    ReleaseNotes: checkOptionalField('releaseNotes', input.releaseNotes),
  };
}

export async function createImage(
  conn: SageMakerConnection,
  input: CreateImageInput,
  options: OperationOptions = {},
): Promise<{ imageArn: string }> {
  const imageName = checkImageName(input.imageName);
  const request = defined({
    ImageName: imageName,
    RoleArn: checkRequiredField('roleArn', input.roleArn, l10n.t('A role ARN is required to create an image.')),
    DisplayName: checkOptionalField('displayName', input.displayName),
    Description: checkOptionalField('description', input.description),
    Tags: checkTagList(input.tags),
  });
  const out = await send<import('@aws-sdk/client-sagemaker').CreateImageCommandOutput>(
    conn,
    new CreateImageCommand(request),
    { operation: 'CreateImage', imageName },
    options,
  );
  return { imageArn: out.ImageArn ?? '' };
}

/**
 * CreateImageVersion with the caller's ClientToken, never one of the SDK's: the caller makes one
 * per user action, and the SDK's own retries resend this same input, so the service answers the
 * same version to every attempt instead of making a second one.
 */
export async function createImageVersion(
  conn: SageMakerConnection,
  input: CreateImageVersionInput,
  options: OperationOptions = {},
): Promise<{ imageVersionArn: string }> {
  const imageName = checkImageName(input.imageName);
  const request = defined({
    ImageName: imageName,
    BaseImage: checkRequiredField('baseImage', input.baseImage, l10n.t('A base image (a container image URI) is required.')),
    ClientToken: checkClientToken(input.clientToken),
    Aliases: checkAliasList(input.aliases),
    ...versionMetadata(input),
  });
  const out = await send<import('@aws-sdk/client-sagemaker').CreateImageVersionCommandOutput>(
    conn,
    new CreateImageVersionCommand(request),
    { operation: 'CreateImageVersion', imageName },
    options,
  );
  return { imageVersionArn: out.ImageVersionArn ?? '' };
}

export async function updateImage(
  conn: SageMakerConnection,
  input: UpdateImageInput,
  options: OperationOptions = {},
): Promise<{ imageArn: string }> {
  const imageName = checkImageName(input.imageName);
  const request = defined({
    ImageName: imageName,
    DisplayName: checkOptionalField('displayName', input.displayName),
    Description: checkOptionalField('description', input.description),
    RoleArn: checkOptionalField('roleArn', input.roleArn),
    DeleteProperties: checkDeleteProperties(input.deleteProperties),
  });
  for (const property of request.DeleteProperties ?? []) {
    if (request[property] !== undefined) throw invalidInput(l10n.t('{0} cannot be both set and cleared in one edit.', property));
  }
  if (Object.keys(request).length === 1) throw invalidInput(l10n.t('Nothing to change on image “{0}”.', imageName));
  const out = await send<import('@aws-sdk/client-sagemaker').UpdateImageCommandOutput>(
    conn,
    new UpdateImageCommand(request),
    { operation: 'UpdateImage', imageName },
    options,
  );
  return { imageArn: out.ImageArn ?? '' };
}

export async function updateImageVersion(
  conn: SageMakerConnection,
  input: UpdateImageVersionInput,
  options: OperationOptions = {},
): Promise<{ imageVersionArn: string }> {
  const imageName = checkImageName(input.imageName);
  const selector = checkVersionSelector(input.version, input.alias);
  const changes = defined({
    AliasesToAdd: checkAliasList(input.aliasesToAdd),
    AliasesToDelete: checkAliasList(input.aliasesToDelete),
    ...versionMetadata(input),
  });
  const both = (changes.AliasesToAdd ?? []).find((a) => changes.AliasesToDelete?.includes(a));
  if (both !== undefined) throw invalidInput(l10n.t('Alias “{0}” cannot be both added and removed in one edit.', both));
  if (Object.keys(changes).length === 0) throw invalidInput(l10n.t('Nothing to change on this version of image “{0}”.', imageName));
  const out = await send<import('@aws-sdk/client-sagemaker').UpdateImageVersionCommandOutput>(
    conn,
    new UpdateImageVersionCommand({ ImageName: imageName, ...selector, ...changes }),
    { operation: 'UpdateImageVersion', imageName, version: selector.Version, alias: selector.Alias },
    options,
  );
  return { imageVersionArn: out.ImageVersionArn ?? '' };
}

/** DeleteImage: the image and every version of it (the container images in ECR stay). */
export async function deleteImage(
  conn: SageMakerConnection,
  input: DeleteImageInput,
  options: OperationOptions = {},
): Promise<EmptyOutput> {
  const imageName = checkImageName(input.imageName);
  await send<import('@aws-sdk/client-sagemaker').DeleteImageCommandOutput>(
    conn,
    new DeleteImageCommand({ ImageName: imageName }),
    { operation: 'DeleteImage', imageName },
    options,
  );
  return {};
}

export async function deleteImageVersion(
  conn: SageMakerConnection,
  input: DeleteImageVersionInput,
  options: OperationOptions = {},
): Promise<EmptyOutput> {
  const imageName = checkImageName(input.imageName);
  const selector = checkVersionSelector(input.version, input.alias);
  await send<import('@aws-sdk/client-sagemaker').DeleteImageVersionCommandOutput>(
    conn,
    new DeleteImageVersionCommand({ ImageName: imageName, ...selector }),
    { operation: 'DeleteImageVersion', imageName, version: selector.Version, alias: selector.Alias },
    options,
  );
  return {};
}

/** The operation table (src/model/types.ts Operations): a missing or extra entry fails to compile. */
export const operations: OperationTable<SageMakerConnection> = {
  listImages: listImagesPage,
  listImageVersions: listImageVersionsPage,
  describeImage,
  describeImageVersion,
  listAliases: listAliasesPage,
  listAllAliases,
  createImage,
  createImageVersion,
  updateImage,
  updateImageVersion,
  deleteImage,
  deleteImageVersion,
  ...studioOperations,
};
