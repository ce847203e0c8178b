/**
 * The input shapes of the six Studio read operations (ListDomains, DescribeDomain,
 * ListUserProfiles, DescribeUserProfile, ListSpaces, DescribeSpace), from botocore 1.43.11
 * (/work/shared/reference/sagemaker-studio-model.json). schema.ts spreads them into OPERATIONS,
 * so every request is validated like an image operation's. botocore's patterns are unanchored;
 * the service (Coral) matches a pattern against the whole value, so these are anchored: an id
 * such as `xd-abc` is refused as it would be. Kept independent of src/aws/studioInputs.ts on
 * purpose: the emulator plays the service.
 */
import type { Member, Shape } from './schema';

const MaxResults: Shape = { type: 'integer', min: 1, max: 100 };
const NextToken: Shape = { type: 'string', min: 0, max: 8192, pattern: '.*' };
export const DomainIdShape: Shape = { type: 'string', min: 0, max: 63, pattern: '^d-(-*[a-z0-9]){1,61}$' };
/** UserProfileName and SpaceName share this pattern in the model. */
export const StudioNameShape: Shape = { type: 'string', min: 0, max: 63, pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$' };
const SortOrder: Shape = { type: 'enum', values: ['Ascending', 'Descending'] };
const SortKey: Shape = { type: 'enum', values: ['CreationTime', 'LastModifiedTime'] };

export const STUDIO_OPERATIONS = {
  ListDomains: {
    MaxResults: { shape: MaxResults },
    NextToken: { shape: NextToken },
  },
  DescribeDomain: { DomainId: { shape: DomainIdShape, required: true } },
  ListUserProfiles: {
    NextToken: { shape: NextToken },
    MaxResults: { shape: MaxResults },
    SortOrder: { shape: SortOrder },
    SortBy: { shape: SortKey },
    DomainIdEquals: { shape: DomainIdShape },
    UserProfileNameContains: { shape: StudioNameShape },
  },
  DescribeUserProfile: {
    DomainId: { shape: DomainIdShape, required: true },
    UserProfileName: { shape: StudioNameShape, required: true },
  },
  ListSpaces: {
    NextToken: { shape: NextToken },
    MaxResults: { shape: MaxResults },
    SortOrder: { shape: SortOrder },
    SortBy: { shape: SortKey },
    DomainIdEquals: { shape: DomainIdShape },
    SpaceNameContains: { shape: StudioNameShape },
  },
  DescribeSpace: {
    DomainId: { shape: DomainIdShape, required: true },
    SpaceName: { shape: StudioNameShape, required: true },
  },
} satisfies Record<string, Record<string, Member>>;

export type StudioOperationName = keyof typeof STUDIO_OPERATIONS;

export function isStudioOperation(name: string): name is StudioOperationName {
  return Object.prototype.hasOwnProperty.call(STUDIO_OPERATIONS, name);
}
