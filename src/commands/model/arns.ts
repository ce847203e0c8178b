/**
 * SageMaker image and image-version ARNs, using the service model's patterns (all partitions).
 * ImageVersionArn's model pattern also allows the literal "None"; that is not an ARN we can use.
 *
 * The patterns run on text from files and the service: each is linear (the partition's `-` and the
 * name's `-`/`.` are separators the repeated part must start with, so a string splits one way only)
 * and the parse functions refuse anything longer than the model's maximum length first.
 */

export const IMAGE_ARN = /^arn:(aws(?:-[\w]+)*):sagemaker:([^:]+):([0-9]{12}):image\/([a-zA-Z0-9](?:[-.]?[a-zA-Z0-9])*)$/;
export const IMAGE_VERSION_ARN =
  /^arn:(aws(?:-[\w]+)*):sagemaker:([^:]+):([0-9]{12}):image-version\/([a-z0-9](?:[-.]?[a-z0-9])*)\/([0-9]+)$/;

/** The model's maximum length of ImageArn and ImageVersionArn. */
export const MAX_ARN_LENGTH = 256;

export interface ParsedImageArn {
  kind: 'image';
  partition: string;
  region: string;
  account: string;
  imageName: string;
}

export interface ParsedImageVersionArn extends Omit<ParsedImageArn, 'kind'> {
  kind: 'imageVersion';
  version: number;
}

export function parseImageArn(arn: string): ParsedImageArn | undefined {
  const text = arn.trim();
  const m = text.length <= MAX_ARN_LENGTH ? IMAGE_ARN.exec(text) : null;
  return m ? { kind: 'image', partition: m[1], region: m[2], account: m[3], imageName: m[4] } : undefined;
}

export function parseImageVersionArn(arn: string): ParsedImageVersionArn | undefined {
  const text = arn.trim();
  const m = text.length <= MAX_ARN_LENGTH ? IMAGE_VERSION_ARN.exec(text) : null;
  if (!m) return undefined;
  const version = Number(m[5]);
  return Number.isSafeInteger(version)
    ? { kind: 'imageVersion', partition: m[1], region: m[2], account: m[3], imageName: m[4], version }
    : undefined;
}

export function parseArn(arn: string): ParsedImageArn | ParsedImageVersionArn | undefined {
  return parseImageVersionArn(arn) ?? parseImageArn(arn);
}

/** The partition a region belongs to: aws-cn for cn-*, aws-us-gov for us-gov-*, else aws. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

export function imageArn(region: string, account: string, imageName: string): string {
  return `arn:${partitionOf(region)}:sagemaker:${region}:${account}:image/${imageName}`;
}

export function imageVersionArn(region: string, account: string, imageName: string, version: number): string {
  return `arn:${partitionOf(region)}:sagemaker:${region}:${account}:image-version/${imageName.toLowerCase()}/${version}`;
}
