/**
 * Which region to call when none is configured: the profile's `region`, else AWS_REGION /
 * AWS_DEFAULT_REGION, else us-east-1. Read with the SDK's own shared-config loader, which honours
 * AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export const FALLBACK_REGION = 'us-east-1';

export function profileName(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return profile ?? env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? 'default';
}

export async function resolveRegion(settings: { profile?: string; region?: string }, env: NodeJS.ProcessEnv = process.env): Promise<string> {
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
