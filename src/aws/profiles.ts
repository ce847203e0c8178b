/**
 * The profiles of the shared config and credentials files, read with the SDK's own loader
 * (@smithy/shared-ini-file-loader), so AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are
 * honoured exactly as the credential chain honours them. Never returns secrets: only names,
 * kinds, regions and endpoints.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ProfileInfo, ProfileKind } from '../model/awsLayer';

/** Sections that are not profiles: the loader keys them as "<prefix>.<name>". */
const NON_PROFILE = /^(sso-session|services)\./;

type Section = Record<string, string | undefined>;

function kindOf(config: Section, credentials: Section): ProfileKind {
  if (config.sso_session || config.sso_start_url) return 'sso';
  if (config.role_arn && config.web_identity_token_file) return 'web-identity';
  if (config.role_arn || credentials.role_arn) return 'role';
  if (config.credential_process || credentials.credential_process) return 'process';
  if (config.aws_access_key_id || credentials.aws_access_key_id) return 'keys';
  return 'other';
}

export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter((n) => !NON_PROFILE.test(n)));
  return [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const config = (configFile[name] ?? {}) as Section;
      const credentials = (credentialsFile[name] ?? {}) as Section;
      const info: ProfileInfo = { name, kind: kindOf(config, credentials) };
      const region = config.region ?? credentials.region;
      if (region) info.region = region;
      const services = config.services ? (configFile[`services.${config.services}`] as Section | undefined) : undefined;
      const endpoint = services?.['sagemaker.endpoint_url'] ?? config.endpoint_url;
      if (endpoint) info.endpointUrl = endpoint;
      return info;
    });
}

export async function profileExists(name: string): Promise<boolean> {
  return (await listProfiles()).some((p) => p.name === name);
}
