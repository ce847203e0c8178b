/**
 * Entry point of dist/aws.js: everything that needs the AWS SDK. The
 * other bundles only reach it through src/model/awsLayer.ts, on first use.
 */
export { ConnectionCache, createConnection, DEFAULT_CLIENT_OPTIONS, type ClientOptions, type SageMakerConnection } from './clientFactory';
export {
  describeImage,
  describeImageVersion,
  listAliasesPage,
  listImagesPage,
  listImageVersionsPage,
  type OperationOptions,
} from './operations';
export { listAllAliases } from './aliases';
export { listProfiles, profileExists, type ProfileInfo, type ProfileKind } from './profiles';
