/**
 * Entry point of dist/aws.js: everything that needs the AWS SDK. The other bundles only reach it
 * through src/model/awsLayer.ts (loadAws), on first use, and see exactly `awsLayer`: the
 * connection cache, the operation table and the profile helpers, checked here against the shape
 * model declares. A new operation is an entry of the table, not a new export.
 */
import type { AwsLayer } from '../model/awsLayer';
import { ConnectionCache, type SageMakerConnection } from './clientFactory';
import { operations } from './operations';
import { listProfiles, profileExists } from './profiles';

export const awsLayer = { ConnectionCache, operations, listProfiles, profileExists } satisfies AwsLayer<SageMakerConnection>;
