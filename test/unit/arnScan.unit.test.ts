/**
 * findArnAt: the ARN under the cursor in the usual places (Terraform, JSON, YAML, prose), in every
 * partition, and nothing for malformed or partial ARNs.
 */
import * as assert from 'node:assert/strict';
import { findArnAt } from '../../src/commands/model/arnScan';

const VERSION_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image/3';
const IMAGE_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:image/My.Image-2';

/** Asserts that `arn` is found at its position in `line` with the cursor at each end and the middle. */
function assertFound(line: string, arn: string): void {
  const start = line.indexOf(arn);
  assert.ok(start >= 0, 'test setup: the ARN is in the line');
  for (const character of [start, start + 10, start + arn.length]) {
    const m = findArnAt(line, character);
    assert.ok(m, `found with the cursor at ${character} in ${line}`);
    assert.equal(m.arn, arn);
    assert.equal(m.start, start);
    assert.equal(m.end, start + arn.length);
  }
}

describe('findArnAt', () => {
  it('finds an image-version ARN in a Terraform string', () => {
    const line = `  image_version_arn = "${VERSION_ARN}"`;
    assertFound(line, VERSION_ARN);
    assert.deepEqual(findArnAt(line, 30)?.parsed, {
      kind: 'imageVersion',
      partition: 'aws',
      region: 'us-east-1',
      account: '123456789012',
      imageName: 'my-image',
      version: 3,
    });
  });

  it('finds ARNs in JSON, YAML and after "="', () => {
    assertFound(`    "ImageVersionArn": "${VERSION_ARN}",`, VERSION_ARN);
    assertFound(`  ImageArn: ${IMAGE_ARN}`, IMAGE_ARN);
    assertFound(`  - '${IMAGE_ARN}'`, IMAGE_ARN);
    assertFound(`IMAGE=${IMAGE_ARN}`, IMAGE_ARN);
    assertFound(`describe(${VERSION_ARN})`, VERSION_ARN);
    assertFound(`"{\\"arn\\":\\"${VERSION_ARN}\\"}"`, VERSION_ARN);
    const image = findArnAt(`  ImageArn: ${IMAGE_ARN}`, 15);
    assert.deepEqual(image?.parsed, {
      kind: 'image',
      partition: 'aws',
      region: 'us-east-1',
      account: '123456789012',
      imageName: 'My.Image-2',
    });
  });

  it('does not swallow a sentence-ending period (or other trailing punctuation) into the name', () => {
    assertFound(`The image is ${IMAGE_ARN}.`, IMAGE_ARN);
    assertFound(`Use ${VERSION_ARN}. Then rebuild.`, VERSION_ARN);
    assertFound(`Is it ${IMAGE_ARN}?`, IMAGE_ARN);
    assertFound(`See ${IMAGE_ARN}: it is old`, IMAGE_ARN);
    assertFound(`named ${IMAGE_ARN}-`, IMAGE_ARN);
    assert.equal(findArnAt(`The image is ${IMAGE_ARN}.`, 13 + IMAGE_ARN.length)?.parsed.imageName, 'My.Image-2');
  });

  it('finds ARNs in the China, GovCloud and ISO partitions', () => {
    for (const arn of [
      'arn:aws-cn:sagemaker:cn-north-1:123456789012:image-version/img/1',
      'arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:image/img',
      'arn:aws-iso-b:sagemaker:us-isob-east-1:123456789012:image-version/a.b-c/42',
    ]) {
      assertFound(`arn = "${arn}"`, arn);
    }
    assert.equal(findArnAt('"arn:aws-cn:sagemaker:cn-north-1:123456789012:image-version/img/1"', 5)?.parsed.partition, 'aws-cn');
    assert.equal(findArnAt('"arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:image/img"', 5)?.parsed.region, 'us-gov-west-1');
  });

  it('picks the ARN under the cursor when a line has two, and none between or outside them', () => {
    const other = 'arn:aws:sagemaker:eu-west-1:210987654321:image/other';
    const line = `["${VERSION_ARN}", "${other}"]`;
    assert.equal(findArnAt(line, 5)?.arn, VERSION_ARN);
    assert.equal(findArnAt(line, line.indexOf(other) + 3)?.arn, other);
    assert.equal(findArnAt(line, line.indexOf('", "') + 2), undefined, 'the space between them');
    assert.equal(findArnAt(line, 0), undefined);
    assert.equal(findArnAt(line, line.length), undefined);
    assert.equal(findArnAt(`x = "${VERSION_ARN}"`, 1), undefined);
  });

  it('rejects malformed and partial ARNs', () => {
    for (const line of [
      'arn:aws:ecr:us-east-1:123456789012:image-version/my-image/3', // another service
      'arn:aws:sagemaker:us-east-1:12345678901:image-version/my-image/3', // 11-digit account
      'arn:aws:sagemaker:us-east-1:1234567890123:image/my-image', // 13-digit account
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/My-Image/3', // uppercase in a version ARN
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image', // no version
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image/', // empty version
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image/3x', // not a number
      'arn:aws:sagemaker:us-east-1:123456789012:image/my_image', // underscore
      'arn:aws:sagemaker:us-east-1:123456789012:image/my-image/extra', // longer path
      'arn:aws:sagemaker:us-east-1:123456789012:image/my-*', // IAM wildcard, not one image
      'arn:aws:sagemaker:us-east-1:123456789012:image/a${var.name}', // Terraform interpolation
      'arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image/99999999999999999999', // not a safe integer
      'xarn:aws:sagemaker:us-east-1:123456789012:image/my-image', // inside a longer word
      'arn:gcp:sagemaker:us-east-1:123456789012:image/my-image', // not an AWS partition
      'arn:aws:sagemaker:us east:123456789012:image/my-image', // a region is one token
    ]) {
      assert.equal(findArnAt(`"${line}"`, 10), undefined, line);
    }
  });

  it('does not join quoted parts of different strings into one ARN', () => {
    const line = '"arn:aws:sagemaker", "x:123456789012:image/my-image"';
    assert.equal(findArnAt(line, 3), undefined);
    assert.equal(findArnAt(line, line.length - 3), undefined);
  });

  it('ignores lines longer than 10,000 characters', () => {
    const padded = `${' '.repeat(10_000)}"${VERSION_ARN}"`;
    assert.equal(findArnAt(padded, 10_005), undefined);
    const justFits = `${' '.repeat(10_000 - VERSION_ARN.length)}${VERSION_ARN}`;
    assert.equal(justFits.length, 10_000);
    assert.equal(findArnAt(justFits, 9_995)?.arn, VERSION_ARN);
  });
});
