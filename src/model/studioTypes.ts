/**
 * The Studio side of the operation table: domains, user profiles and spaces, read only to find
 * which of them reference a custom image (issue 16). Plain data, as in src/model/types.ts: the
 * AWS layer (src/aws/studioOperations.ts) turns each Describe answer into the custom image
 * references found at every path the service model's `whereImagesAreReferenced` lists, so no
 * consumer walks the service's nested settings itself. Operations (types.ts) extends this table.
 */
import type { Page } from './page';

/** The app types whose settings hold a CustomImages list (KernelGatewayAppSettings, …). */
export const STUDIO_APP_TYPES = ['KernelGateway', 'JupyterLab', 'CodeEditor', 'RSession'] as const;
export type StudioAppType = (typeof STUDIO_APP_TYPES)[number];

/** Which settings of which resource the reference was found in. */
export type ImageReferenceScope = 'domainDefaultUser' | 'domainDefaultSpace' | 'userProfile' | 'space';

/** One CustomImage entry of a domain's, profile's or space's settings. */
export interface CustomImageReference {
  imageName: string;
  /** ImageVersionNumber; absent means "the latest version" (resolved when the app starts). */
  version?: number;
  appType: StudioAppType;
  scope: ImageReferenceScope;
}

/** The service's status values (InService, Pending, Updating, Deleting, Failed, …); unknown ones pass through. */
export type StudioResourceStatus = string;

export interface DomainSummary {
  domainId: string;
  domainName?: string;
  status?: StudioResourceStatus;
}

export interface DomainDescription extends DomainSummary {
  /** From DefaultUserSettings (scope domainDefaultUser) and DefaultSpaceSettings (domainDefaultSpace). */
  references: CustomImageReference[];
}

export interface UserProfileSummary {
  domainId: string;
  userProfileName: string;
  status?: StudioResourceStatus;
}

export interface UserProfileDescription extends UserProfileSummary {
  /** From UserSettings (scope userProfile). */
  references: CustomImageReference[];
}

export interface SpaceSummary {
  domainId: string;
  spaceName: string;
  status?: StudioResourceStatus;
  /** The user profile that owns a private space, when the service says. */
  ownerUserProfileName?: string;
}

export interface SpaceDescription extends SpaceSummary {
  /** From SpaceSettings (scope space). */
  references: CustomImageReference[];
}

export interface ListDomainsInput {
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeDomainInput {
  domainId: string;
}

export interface ListUserProfilesInput {
  /** DomainIdEquals: the profiles of one domain (absent: every domain's). */
  domainId?: string;
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeUserProfileInput {
  domainId: string;
  userProfileName: string;
}

export interface ListSpacesInput {
  /** DomainIdEquals: the spaces of one domain (absent: every domain's). */
  domainId?: string;
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeSpaceInput {
  domainId: string;
  spaceName: string;
}

/** The Studio operations, in the `{ input; output }` style of Operations (types.ts), which extends this. */
export interface StudioOperations {
  listDomains: { input: ListDomainsInput; output: Page<DomainSummary> };
  describeDomain: { input: DescribeDomainInput; output: DomainDescription };
  listUserProfiles: { input: ListUserProfilesInput; output: Page<UserProfileSummary> };
  describeUserProfile: { input: DescribeUserProfileInput; output: UserProfileDescription };
  listSpaces: { input: ListSpacesInput; output: Page<SpaceSummary> };
  describeSpace: { input: DescribeSpaceInput; output: SpaceDescription };
}

export type StudioOperationName = keyof StudioOperations;
