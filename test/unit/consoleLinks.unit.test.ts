/**
 * Console links: one host form per partition, and image names passed through URL encoding.
 */
import * as assert from 'node:assert/strict';
import { imageConsoleUrl, imageVersionConsoleUrl } from '../../src/commands/model/consoleLinks';

describe('console links', () => {
  it('uses the region-prefixed host in the commercial partition', () => {
    assert.equal(
      imageConsoleUrl('us-east-1', 'my-image'),
      'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/images/my-image',
    );
    assert.equal(
      imageVersionConsoleUrl('eu-west-1', 'my-image', 3),
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/images/my-image/versions/3',
    );
  });

  it('uses the plain console.amazonaws.cn host in China', () => {
    assert.equal(imageConsoleUrl('cn-north-1', 'img'), 'https://console.amazonaws.cn/sagemaker/home?region=cn-north-1#/images/img');
    assert.equal(
      imageVersionConsoleUrl('cn-northwest-1', 'img', 12),
      'https://console.amazonaws.cn/sagemaker/home?region=cn-northwest-1#/images/img/versions/12',
    );
  });

  it('uses the plain console.amazonaws-us-gov.com host in GovCloud', () => {
    assert.equal(
      imageConsoleUrl('us-gov-west-1', 'img'),
      'https://console.amazonaws-us-gov.com/sagemaker/home?region=us-gov-west-1#/images/img',
    );
    assert.equal(
      imageVersionConsoleUrl('us-gov-east-1', 'img', 0),
      'https://console.amazonaws-us-gov.com/sagemaker/home?region=us-gov-east-1#/images/img/versions/0',
    );
  });

  it('keeps dots and hyphens in names as they are (they are URL-safe) and encodes anything else', () => {
    assert.equal(
      imageConsoleUrl('us-west-2', 'My.Image-v2.1'),
      'https://us-west-2.console.aws.amazon.com/sagemaker/home?region=us-west-2#/images/My.Image-v2.1',
    );
    // Not a valid image name, but a name from a bad input must not break out of the fragment.
    assert.equal(
      imageConsoleUrl('us-west-2', 'a/b c#d'),
      'https://us-west-2.console.aws.amazon.com/sagemaker/home?region=us-west-2#/images/a%2Fb%20c%23d',
    );
  });

  it('refuses a version that is not a non-negative integer', () => {
    assert.throws(() => imageVersionConsoleUrl('us-east-1', 'img', 1.5), RangeError);
    assert.throws(() => imageVersionConsoleUrl('us-east-1', 'img', -1), RangeError);
  });
});
