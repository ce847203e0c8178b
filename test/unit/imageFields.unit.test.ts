/**
 * The field rules of the publishing commands (src/requests/imageFields.ts) against the reference
 * model's lengths, patterns and enums: for every field the edge values that pass (shortest and
 * longest), the ones that fail (one character over, one bad character), and a 100 KB hostile
 * string, which the length check refuses before any pattern runs.
 */
import * as assert from 'node:assert/strict';
import {
  checkAliases,
  checkClientToken,
  checkField,
  checkTags,
  fieldLength,
  IMAGE_DELETE_PROPERTIES,
  isOneOf,
  JOB_TYPES,
  MAX_TAGS,
  newClientToken,
  PROCESSORS,
  VENDOR_GUIDANCE,
  type FieldName,
} from '../../src/requests/imageFields';

const HOSTILE = [
  'a-'.repeat(50_000),
  ' '.repeat(100_000),
  `arn:aws:iam::123456789012:role/${'/'.repeat(100_000)}!`,
  `Python ${'1.'.repeat(50_000)}`,
  `${'a'.repeat(99_999)}\n`,
];

interface FieldCase {
  valid: string[];
  invalid: string[];
  /** A word the refusal names, so the user sees which rule it is. */
  names: RegExp;
  /** Set where no value of the minimum length can match the pattern (the shortest valid one is given instead). */
  shortest?: number;
}

const arn = (role: string) => `arn:aws:iam::123456789012:role/${role}`;

const CASES: { [F in FieldName]: FieldCase } = {
  imageName: {
    valid: ['a', '7', 'a'.repeat(63), 'my-image.v2', 'A-b-C'],
    invalid: ['', 'a'.repeat(64), '-a', 'a-', 'a--b', 'a.-b', 'my_image', 'a b', 'é'],
    names: /Image names are 1–63 characters/,
  },
  displayName: {
    valid: ['x', 'x'.repeat(128), 'My image (GPU)', 'a b', 'Ünïcode ✓'],
    invalid: ['', 'x'.repeat(129), ' lead', 'trail ', 'two\nlines', '\t'],
    names: /Display names are 1–128 characters/,
  },
  description: {
    valid: ['x', 'x'.repeat(512), 'Any text: <b>not markup</b>\nacross lines'],
    invalid: ['', 'x'.repeat(513)],
    names: /Descriptions are 1–512 characters/,
  },
  roleArn: {
    valid: [
      arn('R'),
      'arn:aws:iam::123456789012:role/',
      `arn:aws:iam::123456789012:role/${'r'.repeat(2048 - 31)}`,
      'arn:aws-cn:iam::123456789012:role/path/to/My+Role=,.@_-',
      'arn:aws-us-gov:iam::123456789012:roleX',
    ],
    invalid: [
      '',
      'arn:aws:iam::1:role/',
      `arn:aws:iam::123456789012:role/${'r'.repeat(2048 - 30)}`,
      'arn:aws:iam::12345678901:role/Short',
      'arn:aws:iam::123456789012:user/Someone',
      'arn:aws:s3:::bucket/key-long-enough',
      arn('has space'),
      arn('star*'),
      'ARN:AWS:IAM::123456789012:role/R',
    ],
    names: /Role ARNs look like arn:aws:iam::123456789012:role\/RoleName/,
    // The model's minimum is 20, but the pattern needs 31 characters at least.
    shortest: 31,
  },
  baseImage: {
    valid: ['x', 'x'.repeat(255), '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag', 'repo@sha256:abc'],
    invalid: ['', 'x'.repeat(256)],
    names: /Base images are container image URIs of 1–255 characters/,
  },
  alias: {
    valid: ['a', 'a'.repeat(128), 'latest', '1.2.3', 'a-b_c.d', '_x', '9'],
    invalid: ['', 'a'.repeat(129), '.hidden', '-dash', 'has space', 'a/b', 'a:b', 'é'],
    names: /Aliases are 1–128 characters/,
  },
  releaseNotes: {
    valid: ['x', 'x'.repeat(255), 'Line one\nline two'],
    invalid: ['', 'x'.repeat(256)],
    names: /Release notes are 1–255 characters/,
  },
  mlFramework: {
    valid: ['PyTorch 2.4', 'TensorFlow2.15.1', 'a1.0', `${'a'.repeat(124)} 1.0`],
    invalid: [
      '',
      `${'a'.repeat(125)} 1.0`,
      'PyTorch',
      'PyTorch 2',
      'PyTorch  2.4',
      'PyTorch 2.4.1.0',
      'Py-Torch 2.4',
      '2.4',
      'PyTorch v2.4',
    ],
    names: /ML frameworks are a name of letters/,
    // A letter, a digit, a dot and a digit at least.
    shortest: 4,
  },
  programmingLang: {
    valid: ['Python 3.11', 'R4.3.2', 'R4.3', `${'p'.repeat(124)} 3.1`],
    invalid: ['', `${'p'.repeat(125)} 3.1`, 'Python', 'Python 3', 'Python 3.11 ', '3.11'],
    names: /Programming languages are a name of letters/,
    shortest: 4,
  },
  tagKey: {
    valid: ['k', 'k'.repeat(128), 'team:owner', 'a b_c.d:e/f=g+h-i@j', 'Kostenstelle ü', '数字 1'],
    invalid: ['', 'k'.repeat(129), 'k*', 'k#', 'k,', 'line\nbreak', 'k!'],
    names: /Tag keys are 1–128 characters/,
  },
  tagValue: {
    valid: ['', 'v'.repeat(256), 'ml-platform', 'Ω 42'],
    invalid: ['v'.repeat(257), 'v*', 'v;'],
    names: /Tag values are up to 256 characters/,
  },
};

describe('src/requests/imageFields', function () {
  for (const field of Object.keys(CASES) as FieldName[]) {
    describe(field, function () {
      const c = CASES[field];

      it('accepts its edge values (shortest and longest) and ordinary ones', function () {
        const { min, max } = fieldLength(field);
        assert.ok(
          c.valid.some((v) => v.length === max),
          `a case of the maximum length ${max}`,
        );
        const shortest = c.shortest ?? min;
        assert.ok(
          c.valid.some((v) => v.length === shortest),
          `a case of the minimum length ${shortest}`,
        );
        for (const v of c.valid) assert.equal(checkField(field, v), undefined, JSON.stringify(v.slice(0, 80)));
      });

      it('refuses one character over its maximum, a bad character, and names the rule broken', function () {
        const { max } = fieldLength(field);
        assert.ok(
          c.invalid.some((v) => v.length === max + 1),
          `a case of length ${max + 1}`,
        );
        for (const v of c.invalid) {
          const message = checkField(field, v);
          assert.ok(message !== undefined, `accepted ${JSON.stringify(v.slice(0, 80))}`);
          assert.match(message, c.names);
        }
        const over = checkField(field, 'x'.repeat(max + 1));
        assert.match(String(over), new RegExp(`This one has ${max + 1} characters\\.$`));
      });

      it('refuses 100 KB hostile strings (the length is checked before any pattern runs)', function () {
        for (const v of HOSTILE) {
          const message = checkField(field, v);
          assert.match(String(message), c.names);
          assert.ok(String(message).length < 400, 'the message does not quote the input');
        }
      });
    });
  }

  it('the enums are the model’s', function () {
    assert.deepEqual(JOB_TYPES, ['TRAINING', 'INFERENCE', 'NOTEBOOK_KERNEL']);
    assert.deepEqual(PROCESSORS, ['CPU', 'GPU']);
    assert.deepEqual(VENDOR_GUIDANCE, ['NOT_PROVIDED', 'STABLE', 'TO_BE_ARCHIVED', 'ARCHIVED']);
    assert.deepEqual(IMAGE_DELETE_PROPERTIES, ['DisplayName', 'Description']);
    assert.ok(isOneOf('GPU', PROCESSORS));
    assert.ok(!isOneOf('gpu', PROCESSORS));
    assert.ok(!isOneOf(undefined, JOB_TYPES));
  });

  describe('checkAliases', function () {
    it('accepts an empty list and distinct valid aliases', function () {
      assert.equal(checkAliases([]), undefined);
      assert.equal(checkAliases(['latest', 'prod', '1.2', 'a'.repeat(128)]), undefined);
    });

    it('names the first invalid alias and the rule, cut when it is long', function () {
      assert.match(String(checkAliases(['ok', '.hidden'])), /^Alias “\.hidden” cannot be used\. Aliases are 1–128 characters/);
      const long = checkAliases(['a'.repeat(100_000)]);
      assert.match(String(long), /^Alias “a{60}…” cannot be used\..*This one has 100000 characters\.$/);
    });

    it('refuses an alias listed twice (the model sets no count limit)', function () {
      assert.equal(checkAliases(['latest', 'prod', 'latest']), 'Alias “latest” is listed twice.');
      assert.equal(checkAliases(Array.from({ length: 500 }, (_, i) => `a${i}`)), undefined);
    });
  });

  describe('checkTags', function () {
    it('accepts up to 50 tags with distinct valid keys, and empty values', function () {
      assert.equal(checkTags([]), undefined);
      assert.equal(checkTags(Array.from({ length: MAX_TAGS }, (_, i) => ({ key: `k${i}`, value: '' }))), undefined);
    });

    it('refuses a 51st tag, a bad key or value, and a key twice', function () {
      assert.match(
        String(checkTags(Array.from({ length: MAX_TAGS + 1 }, (_, i) => ({ key: `k${i}`, value: 'v' })))),
        /at most 50 tags, not 51/,
      );
      assert.match(String(checkTags([{ key: 'k*', value: 'v' }])), /^Tag key “k\*” cannot be used\. Tag keys are/);
      assert.match(String(checkTags([{ key: 'team', value: 'x;y' }])), /^The value of tag “team” cannot be used\. Tag values are/);
      assert.equal(
        checkTags([
          { key: 'team', value: 'a' },
          { key: 'team', value: 'b' },
        ]),
        'Tag key “team” is listed twice.',
      );
    });
  });

  describe('client tokens', function () {
    it('newClientToken makes a fresh token each time that checkClientToken accepts', function () {
      const a = newClientToken();
      const b = newClientToken();
      assert.notEqual(a, b);
      assert.equal(checkClientToken(a), undefined);
      assert.equal(a.length, 36);
    });

    it('checkClientToken refuses empty, over 36, and characters outside letters, digits and hyphens', function () {
      assert.equal(checkClientToken('x'.repeat(36)), undefined);
      for (const bad of ['', 'x'.repeat(37), 'has space', 'under_score', 'x'.repeat(100_000)]) {
        assert.match(String(checkClientToken(bad)), /1–36 letters, digits and hyphens/);
      }
    });
  });
});
