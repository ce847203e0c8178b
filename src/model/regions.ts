/**
 * Regions where SageMaker runs, by partition, and each partition's console domain. Used by the
 * region picker, to refuse a region name nobody serves, and to build console links.
 */

export interface RegionInfo {
  readonly id: string;
  readonly name: string;
}

export const SAGEMAKER_REGIONS: Readonly<Record<'aws' | 'aws-cn' | 'aws-us-gov', readonly RegionInfo[]>> = {
  aws: [
    { id: 'us-east-1', name: 'US East (N. Virginia)' },
    { id: 'us-east-2', name: 'US East (Ohio)' },
    { id: 'us-west-1', name: 'US West (N. California)' },
    { id: 'us-west-2', name: 'US West (Oregon)' },
    { id: 'af-south-1', name: 'Africa (Cape Town)' },
    { id: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
    { id: 'ap-east-2', name: 'Asia Pacific (Taipei)' },
    { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
    { id: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
    { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
    { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
    { id: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
    { id: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
    { id: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)' },
    { id: 'ap-southeast-7', name: 'Asia Pacific (Thailand)' },
    { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
    { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
    { id: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
    { id: 'ca-central-1', name: 'Canada (Central)' },
    { id: 'ca-west-1', name: 'Canada West (Calgary)' },
    { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
    { id: 'eu-central-2', name: 'Europe (Zurich)' },
    { id: 'eu-west-1', name: 'Europe (Ireland)' },
    { id: 'eu-west-2', name: 'Europe (London)' },
    { id: 'eu-west-3', name: 'Europe (Paris)' },
    { id: 'eu-north-1', name: 'Europe (Stockholm)' },
    { id: 'eu-south-1', name: 'Europe (Milan)' },
    { id: 'eu-south-2', name: 'Europe (Spain)' },
    { id: 'il-central-1', name: 'Israel (Tel Aviv)' },
    { id: 'me-south-1', name: 'Middle East (Bahrain)' },
    { id: 'me-central-1', name: 'Middle East (UAE)' },
    { id: 'mx-central-1', name: 'Mexico (Central)' },
    { id: 'sa-east-1', name: 'South America (São Paulo)' },
  ],
  'aws-cn': [
    { id: 'cn-north-1', name: 'China (Beijing)' },
    { id: 'cn-northwest-1', name: 'China (Ningxia)' },
  ],
  'aws-us-gov': [
    { id: 'us-gov-west-1', name: 'AWS GovCloud (US-West)' },
    { id: 'us-gov-east-1', name: 'AWS GovCloud (US-East)' },
  ],
};

const KNOWN = new Set(Object.values(SAGEMAKER_REGIONS).flatMap((list) => list.map((r) => r.id)));

export function isKnownRegion(id: string): boolean {
  return KNOWN.has(id);
}

export function regionName(id: string): string | undefined {
  for (const list of Object.values(SAGEMAKER_REGIONS)) {
    const found = list.find((r) => r.id === id);
    if (found) return found.name;
  }
  return undefined;
}

/** The console's domain for a region's partition. */
export function consoleDomain(region: string): string {
  if (region.startsWith('cn-')) return 'console.amazonaws.cn';
  if (region.startsWith('us-gov-')) return 'console.amazonaws-us-gov.com';
  return 'console.aws.amazon.com';
}
