/**
 * The Studio operations of the table (src/model/studioTypes.ts StudioOperations): list and
 * describe domains, user profiles and spaces, for "where is this image used" (issue 16). Like the
 * image operations each checks its input, sends exactly one request (none follows NextToken: the
 * scanner, src/tree/model/usageScan.ts, decides how far to page) and returns plain objects; a Describe
 * answer is reduced to the custom image references it holds, read from every settings path the
 * service model's `whereImagesAreReferenced` lists, so no SDK shape leaves src/aws.
 */
import {
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListDomainsCommand,
  ListSpacesCommand,
  ListUserProfilesCommand,
  type DescribeDomainCommandOutput,
  type DescribeSpaceCommandOutput,
  type DescribeUserProfileCommandOutput,
  type ListDomainsCommandOutput,
  type ListSpacesCommandOutput,
  type ListUserProfilesCommandOutput,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from './clientFactory';
import type { OperationOptions } from '../model/awsLayer';
import type { Page } from '../model/page';
import type {
  CustomImageReference,
  DescribeDomainInput,
  DescribeSpaceInput,
  DescribeUserProfileInput,
  DomainDescription,
  DomainSummary,
  ImageReferenceScope,
  ListDomainsInput,
  ListSpacesInput,
  ListUserProfilesInput,
  SpaceDescription,
  SpaceSummary,
  StudioAppType,
  StudioOperations,
  UserProfileDescription,
  UserProfileSummary,
} from '../model/studioTypes';
import { checkMaxResults, checkNextToken } from './inputs';
import { defined, page, send } from './request';
import { checkDomainId, checkOptionalDomainId, checkSpaceName, checkUserProfileName } from './studioInputs';

/** The member of a settings structure that holds each app type's CustomImages. */
const APP_SETTINGS: Record<StudioAppType, string> = {
  KernelGateway: 'KernelGatewayAppSettings',
  JupyterLab: 'JupyterLabAppSettings',
  CodeEditor: 'CodeEditorAppSettings',
  RSession: 'RSessionAppSettings',
};

/**
 * The service model allows 200 CustomImages per list; an endpoint that sends more is not
 * believed beyond this, so one answer cannot make the scan's result unbounded.
 */
const MAX_IMAGES_PER_LIST = 1_000;

/**
 * The references in one settings structure (UserSettings, DefaultSpaceSettings, SpaceSettings).
 * Every app type's member is read where present: the model has CustomImages under all four in
 * UserSettings, under KernelGateway and JupyterLab in DefaultSpaceSettings and under
 * KernelGateway in SpaceSettings; reading all four everywhere also covers a newer service that
 * adds one. An entry without a usable ImageName, or with a version that is not a whole number
 * ≥ 0, is dropped rather than counted for the wrong version.
 */
export function referencesIn(settings: object | undefined, scope: ImageReferenceScope): CustomImageReference[] {
  if (settings === undefined || settings === null) return [];
  const out: CustomImageReference[] = [];
  for (const [appType, member] of Object.entries(APP_SETTINGS) as [StudioAppType, string][]) {
    const app = (settings as Record<string, unknown>)[member] as { CustomImages?: unknown } | undefined;
    const list = app?.CustomImages;
    if (!Array.isArray(list)) continue;
    for (const entry of list.slice(0, MAX_IMAGES_PER_LIST) as { ImageName?: unknown; ImageVersionNumber?: unknown }[]) {
      const imageName = entry?.ImageName;
      if (typeof imageName !== 'string' || imageName.length === 0) continue;
      const version = entry.ImageVersionNumber;
      if (version === undefined || version === null) out.push({ imageName, appType, scope });
      else if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0)
        out.push({ imageName, version, appType, scope });
    }
  }
  return out;
}

export async function listDomainsPage(
  conn: SageMakerConnection,
  input: ListDomainsInput = {},
  options: OperationOptions = {},
): Promise<Page<DomainSummary>> {
  const request = defined({ MaxResults: checkMaxResults(input.maxResults), NextToken: checkNextToken(input.nextToken) });
  const out = await send<ListDomainsCommandOutput>(conn, new ListDomainsCommand(request), { operation: 'ListDomains' }, options);
  const items = (out.Domains ?? []).map((d) => defined({ domainId: d.DomainId ?? '', domainName: d.DomainName, status: d.Status }));
  return page(items, out.NextToken, out.$metadata.requestId);
}

export async function describeDomain(
  conn: SageMakerConnection,
  input: DescribeDomainInput,
  options: OperationOptions = {},
): Promise<DomainDescription> {
  const domainId = checkDomainId(input.domainId);
  const out = await send<DescribeDomainCommandOutput>(
    conn,
    new DescribeDomainCommand({ DomainId: domainId }),
    { operation: 'DescribeDomain' },
    options,
  );
  return defined({
    domainId: out.DomainId ?? domainId,
    domainName: out.DomainName,
    status: out.Status,
    references: [
      ...referencesIn(out.DefaultUserSettings, 'domainDefaultUser'),
      ...referencesIn(out.DefaultSpaceSettings, 'domainDefaultSpace'),
    ],
  });
}

export async function listUserProfilesPage(
  conn: SageMakerConnection,
  input: ListUserProfilesInput = {},
  options: OperationOptions = {},
): Promise<Page<UserProfileSummary>> {
  const request = defined({
    DomainIdEquals: checkOptionalDomainId(input.domainId),
    MaxResults: checkMaxResults(input.maxResults),
    NextToken: checkNextToken(input.nextToken),
  });
  const out = await send<ListUserProfilesCommandOutput>(
    conn,
    new ListUserProfilesCommand(request),
    { operation: 'ListUserProfiles' },
    options,
  );
  const items = (out.UserProfiles ?? []).map((p) =>
    defined({ domainId: p.DomainId ?? input.domainId ?? '', userProfileName: p.UserProfileName ?? '', status: p.Status }),
  );
  return page(items, out.NextToken, out.$metadata.requestId);
}

export async function describeUserProfile(
  conn: SageMakerConnection,
  input: DescribeUserProfileInput,
  options: OperationOptions = {},
): Promise<UserProfileDescription> {
  const domainId = checkDomainId(input.domainId);
  const userProfileName = checkUserProfileName(input.userProfileName);
  const out = await send<DescribeUserProfileCommandOutput>(
    conn,
    new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: userProfileName }),
    { operation: 'DescribeUserProfile' },
    options,
  );
  return defined({
    domainId: out.DomainId ?? domainId,
    userProfileName: out.UserProfileName ?? userProfileName,
    status: out.Status,
    references: referencesIn(out.UserSettings, 'userProfile'),
  });
}

export async function listSpacesPage(
  conn: SageMakerConnection,
  input: ListSpacesInput = {},
  options: OperationOptions = {},
): Promise<Page<SpaceSummary>> {
  const request = defined({
    DomainIdEquals: checkOptionalDomainId(input.domainId),
    MaxResults: checkMaxResults(input.maxResults),
    NextToken: checkNextToken(input.nextToken),
  });
  const out = await send<ListSpacesCommandOutput>(conn, new ListSpacesCommand(request), { operation: 'ListSpaces' }, options);
  const items = (out.Spaces ?? []).map((s) =>
    defined({
      domainId: s.DomainId ?? input.domainId ?? '',
      spaceName: s.SpaceName ?? '',
      status: s.Status,
      ownerUserProfileName: s.OwnershipSettingsSummary?.OwnerUserProfileName,
    }),
  );
  return page(items, out.NextToken, out.$metadata.requestId);
}

export async function describeSpace(
  conn: SageMakerConnection,
  input: DescribeSpaceInput,
  options: OperationOptions = {},
): Promise<SpaceDescription> {
  const domainId = checkDomainId(input.domainId);
  const spaceName = checkSpaceName(input.spaceName);
  const out = await send<DescribeSpaceCommandOutput>(
    conn,
    new DescribeSpaceCommand({ DomainId: domainId, SpaceName: spaceName }),
    { operation: 'DescribeSpace' },
    options,
  );
  return defined({
    domainId: out.DomainId ?? domainId,
    spaceName: out.SpaceName ?? spaceName,
    status: out.Status,
    ownerUserProfileName: out.OwnershipSettings?.OwnerUserProfileName,
    references: referencesIn(out.SpaceSettings, 'space'),
  });
}

type StudioTable = {
  readonly [K in keyof StudioOperations]: (
    connection: SageMakerConnection,
    input: StudioOperations[K]['input'],
    options?: OperationOptions,
  ) => Promise<StudioOperations[K]['output']>;
};

/** Spread into operations.ts `operations`; typed so a missing or extra Studio entry fails to compile here. */
export const studioOperations: StudioTable = {
  listDomains: listDomainsPage,
  describeDomain,
  listUserProfiles: listUserProfilesPage,
  describeUserProfile,
  listSpaces: listSpacesPage,
  describeSpace,
};
