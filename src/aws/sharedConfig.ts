/**
 * Region and endpoint for the profile actually chosen, read with the SDK's own shared-config
 * loader (which honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE).
 *
 * The SDK resolves a configured endpoint (`endpoint_url`, `services`) from AWS_PROFILE or
 * `default` only, not from the `profile` given to the client: with a profile picked in the
 * extension, its endpoint would be silently ignored (the AWS Toolkit's bug). So the endpoint
 * is resolved here, in the SDK's documented order, for the chosen profile.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { profileName } from '../model/settings';

export const FALLBACK_REGION = 'us-east-1';

export async function resolveRegion(
  settings: { profile?: string; region?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (settings.region) return settings.region;
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
    const name = profileName(settings.profile, env);
    const fromProfile = configFile[name]?.region ?? credentialsFile[name]?.region;
    if (fromProfile) return fromProfile;
  } catch {
    // Unreadable config files are the credential chain's problem to report; fall through.
  }
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || FALLBACK_REGION;
}

type Section = Record<string, string | undefined>;

/**
 * The endpoint for SageMaker when the settings name none: AWS_ENDPOINT_URL_SAGEMAKER, then
 * AWS_ENDPOINT_URL, then the profile's `services` section (`sagemaker = endpoint_url = …`), then the
 * profile's `endpoint_url`; nothing when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
 */
export async function resolveEndpoint(
  settings: { profile?: string; endpoint?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (settings.endpoint) return settings.endpoint;
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  let profile: Section = {};
  let services: Section | undefined;
  try {
    const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
    profile = (configFile[profileName(settings.profile, env)] ?? {}) as Section;
    services = profile.services ? (configFile[`services.${profile.services}`] as Section | undefined) : undefined;
  } catch {
    // Unreadable config files: only the environment can name an endpoint.
  }
  // The profile's ignore flag switches off the environment's endpoints too.
  if (profile.ignore_configured_endpoint_urls?.toLowerCase() === 'true') return undefined;
  return (
    env.AWS_ENDPOINT_URL_SAGEMAKER || env.AWS_ENDPOINT_URL || services?.['sagemaker.endpoint_url'] || profile.endpoint_url || undefined
  );
}
