/**
 * The vscode-free half of the write forms (src/commands/model/writeForms.ts): which part of a base
 * image URI the box selects, the requests each form builds (only what is set, only what changed,
 * and what the API cannot clear named instead of dropped), the review step's rows in the API's
 * member order, and the tag and alias boxes' parsing with its refusals.
 */
import * as assert from 'node:assert/strict';
import {
  baseImageSelection,
  createImageRequest,
  createVersionRequest,
  formatTags,
  MAX_ALIASES_TEXT,
  MAX_TAGS_TEXT,
  parseAliases,
  parseTags,
  requestPreview,
  updateImageRequest,
  updateVersionRequest,
  versionFieldsOf,
  type VersionFields,
} from '../../src/commands/model/writeForms';
import type { ImageVersionDetails } from '../../src/model/types';

const selected = (uri: string) => {
  const [start, end] = baseImageSelection(uri);
  return uri.slice(start, end);
};

describe('write forms (vscode-free)', () => {
  describe('baseImageSelection', () => {
    const cases: [uri: string, selection: [number, number], text: string][] = [
      ['123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:v1.2', [50, 54], 'v1.2'],
      ['host:5000/repo:tag', [15, 18], 'tag'],
      ['host:5000/repo', [0, 14], 'host:5000/repo'],
      ['host:5000/team/repo:latest', [20, 26], 'latest'],
      ['repo', [0, 4], 'repo'],
      ['repo:', [5, 5], ''],
      ['host:5000/repo:', [15, 15], ''],
      ['repo@sha256:abc123', [5, 18], 'sha256:abc123'],
      ['host:5000/repo@sha256:abc', [15, 25], 'sha256:abc'],
      ['host:5000/repo:tag@sha256:abc', [19, 29], 'sha256:abc'],
      ['repo@', [5, 5], ''],
      ['', [0, 0], ''],
    ];
    for (const [uri, selection, text] of cases) {
      it(`selects “${text}” in ${uri || '(empty)'}`, () => {
        assert.deepEqual(baseImageSelection(uri), selection);
        assert.equal(selected(uri), text);
      });
    }

    it('answers a 100 KB string at once (index arithmetic, no pattern)', () => {
      const uri = `${'a:'.repeat(50_000)}/x`;
      assert.deepEqual(baseImageSelection(uri), [0, uri.length]);
    });
  });

  describe('versionFieldsOf', () => {
    it('takes every metadata field of DescribeImageVersion and the aliases', () => {
      const details: ImageVersionDetails = {
        imageVersionArn: 'arn:aws:sagemaker:us-east-1:123456789012:image-version/img/3',
        imageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/img',
        version: 3,
        imageVersionStatus: 'CREATED',
        creationTime: new Date(0),
        lastModifiedTime: new Date(0),
        baseImage: 'repo:1',
        containerImage: 'repo@sha256:1',
        jobType: 'TRAINING',
        processor: 'GPU',
        mlFramework: 'PyTorch 2.4',
        programmingLang: 'Python 3.11',
        vendorGuidance: 'STABLE',
        horovod: false,
        releaseNotes: 'notes',
      };
      const aliases = ['latest'];
      const fields = versionFieldsOf(details, aliases);
      assert.deepEqual(fields, {
        baseImage: 'repo:1',
        aliases: ['latest'],
        jobType: 'TRAINING',
        processor: 'GPU',
        mlFramework: 'PyTorch 2.4',
        programmingLang: 'Python 3.11',
        vendorGuidance: 'STABLE',
        horovod: false,
        releaseNotes: 'notes',
      });
      assert.notEqual(fields.aliases, aliases, 'a copy: editing the form never edits the caller’s list');
    });
  });

  describe('createVersionRequest', () => {
    it('sends only the members that are set', () => {
      assert.deepEqual(
        createVersionRequest('img', { baseImage: 'repo:2', aliases: [], mlFramework: '', releaseNotes: undefined }, 'tok-1'),
        {
          imageName: 'img',
          baseImage: 'repo:2',
          clientToken: 'tok-1',
        },
      );
    });

    it('sends every member the form set, horovod false included, aliases once each', () => {
      const request = createVersionRequest(
        'img',
        {
          baseImage: 'repo:2',
          aliases: ['a', 'b', 'a'],
          jobType: 'INFERENCE',
          processor: 'CPU',
          mlFramework: 'TensorFlow 2.15.1',
          programmingLang: 'Python 3.11',
          vendorGuidance: 'NOT_PROVIDED',
          horovod: false,
          releaseNotes: 'first',
        },
        'tok-2',
      );
      assert.deepEqual(request, {
        imageName: 'img',
        baseImage: 'repo:2',
        clientToken: 'tok-2',
        aliases: ['a', 'b'],
        jobType: 'INFERENCE',
        processor: 'CPU',
        mlFramework: 'TensorFlow 2.15.1',
        programmingLang: 'Python 3.11',
        vendorGuidance: 'NOT_PROVIDED',
        horovod: false,
        releaseNotes: 'first',
      });
    });
  });

  describe('updateVersionRequest', () => {
    const before: VersionFields = {
      baseImage: 'repo:1',
      aliases: ['latest', 'stable'],
      jobType: 'TRAINING',
      mlFramework: 'PyTorch 2.4',
      horovod: true,
      releaseNotes: 'old',
    };

    it('is no request when nothing changed', () => {
      assert.deepEqual(updateVersionRequest('img', 3, before, { ...before, aliases: ['stable', 'latest'] }), { cannotClear: [] });
    });

    it('sends aliases as AliasesToAdd and AliasesToDelete', () => {
      const { request, cannotClear } = updateVersionRequest('img', 3, before, { ...before, aliases: ['stable', 'prod', 'v3'] });
      assert.deepEqual(request, { imageName: 'img', version: 3, aliasesToAdd: ['prod', 'v3'], aliasesToDelete: ['latest'] });
      assert.deepEqual(cannotClear, []);
    });

    it('sends only the fields that changed, a field set for the first time included', () => {
      const { request } = updateVersionRequest('img', 3, before, {
        ...before,
        releaseNotes: 'new',
        processor: 'GPU',
        horovod: false,
      });
      assert.deepEqual(request, { imageName: 'img', version: 3, releaseNotes: 'new', processor: 'GPU', horovod: false });
    });

    it('names a cleared field in cannotClear and does not send it', () => {
      const result = updateVersionRequest('img', 3, before, {
        ...before,
        jobType: undefined,
        mlFramework: '',
        horovod: undefined,
        releaseNotes: 'new',
      });
      assert.deepEqual(result.request, { imageName: 'img', version: 3, releaseNotes: 'new' });
      assert.deepEqual(result.cannotClear, ['JobType', 'MLFramework', 'Horovod']);
    });

    it('a clear alone is no request, but still named', () => {
      assert.deepEqual(updateVersionRequest('img', 3, before, { ...before, releaseNotes: '' }), { cannotClear: ['ReleaseNotes'] });
    });

    it('an empty box where nothing was set is no change', () => {
      assert.deepEqual(updateVersionRequest('img', 3, { aliases: [] }, { aliases: [], mlFramework: '', programmingLang: undefined }), {
        cannotClear: [],
      });
    });

    it('ignores baseImage (UpdateImageVersion cannot change it)', () => {
      assert.deepEqual(updateVersionRequest('img', 3, before, { ...before, baseImage: 'repo:9' }), { cannotClear: [] });
    });
  });

  describe('updateImageRequest', () => {
    const before = { displayName: 'Mine', description: 'About', roleArn: 'arn:aws:iam::123456789012:role/A' };

    it('is no request when nothing changed', () => {
      assert.deepEqual(updateImageRequest('img', before, { ...before }), { cannotClear: [] });
    });

    it('sends only what changed', () => {
      assert.deepEqual(updateImageRequest('img', before, { ...before, description: 'New' }).request, {
        imageName: 'img',
        description: 'New',
      });
      assert.deepEqual(updateImageRequest('img', before, { ...before, roleArn: 'arn:aws:iam::123456789012:role/B' }).request, {
        imageName: 'img',
        roleArn: 'arn:aws:iam::123456789012:role/B',
      });
    });

    it('sends cleared DisplayName and Description as DeleteProperties, never also set', () => {
      const { request, cannotClear } = updateImageRequest('img', before, { ...before, displayName: '', description: undefined });
      assert.deepEqual(request, { imageName: 'img', deleteProperties: ['DisplayName', 'Description'] });
      assert.deepEqual(cannotClear, []);
    });

    it('sets one and clears the other', () => {
      assert.deepEqual(updateImageRequest('img', before, { ...before, displayName: 'Other', description: '' }).request, {
        imageName: 'img',
        displayName: 'Other',
        deleteProperties: ['Description'],
      });
    });

    it('names a cleared role ARN in cannotClear and does not send it', () => {
      assert.deepEqual(updateImageRequest('img', before, { ...before, roleArn: '' }), { cannotClear: ['RoleArn'] });
    });

    it('a field set where there was none is sent', () => {
      assert.deepEqual(updateImageRequest('img', {}, { displayName: 'New' }).request, { imageName: 'img', displayName: 'New' });
    });

    it('ignores the create-only name and tags', () => {
      assert.deepEqual(updateImageRequest('img', before, { ...before, imageName: 'other', tags: [{ key: 'k', value: 'v' }] }), {
        cannotClear: [],
      });
    });
  });

  describe('createImageRequest', () => {
    it('sends name and role, and the rest only when set', () => {
      assert.deepEqual(createImageRequest({ imageName: 'img', roleArn: 'arn:aws:iam::123456789012:role/A', displayName: '', tags: [] }), {
        imageName: 'img',
        roleArn: 'arn:aws:iam::123456789012:role/A',
      });
      assert.deepEqual(
        createImageRequest({
          imageName: 'img',
          roleArn: 'arn:aws:iam::123456789012:role/A',
          displayName: 'Mine',
          description: 'About',
          tags: [{ key: 'team', value: 'ml' }],
        }),
        {
          imageName: 'img',
          roleArn: 'arn:aws:iam::123456789012:role/A',
          displayName: 'Mine',
          description: 'About',
          tags: [{ key: 'team', value: 'ml' }],
        },
      );
    });
  });

  describe('requestPreview', () => {
    it('CreateImageVersion: the API’s member order, ClientToken shown, lists joined, unset members left out', () => {
      const request = createVersionRequest(
        'my-image',
        { baseImage: 'repo:2', aliases: ['a', 'b'], releaseNotes: 'notes', horovod: true, jobType: 'TRAINING' },
        'tok-1',
      );
      assert.deepEqual(requestPreview('CreateImageVersion', request), [
        ['BaseImage', 'repo:2'],
        ['ClientToken', 'tok-1'],
        ['ImageName', 'my-image'],
        ['Aliases', 'a, b'],
        ['JobType', 'TRAINING'],
        ['Horovod', 'true'],
        ['ReleaseNotes', 'notes'],
      ]);
    });

    it('UpdateImageVersion: version and alias lists in order', () => {
      const { request } = updateVersionRequest(
        'img',
        4,
        { aliases: ['x'], vendorGuidance: 'STABLE' },
        { aliases: ['y', 'z'], vendorGuidance: 'ARCHIVED', horovod: false },
      );
      assert.ok(request);
      assert.deepEqual(requestPreview('UpdateImageVersion', request), [
        ['ImageName', 'img'],
        ['Version', '4'],
        ['AliasesToAdd', 'y, z'],
        ['AliasesToDelete', 'x'],
        ['VendorGuidance', 'ARCHIVED'],
        ['Horovod', 'false'],
      ]);
    });

    it('CreateImage: tags as key=value', () => {
      const request = createImageRequest({
        imageName: 'img',
        roleArn: 'arn:aws:iam::123456789012:role/A',
        displayName: 'Mine',
        tags: [
          { key: 'team', value: 'ml' },
          { key: 'env', value: '' },
        ],
      });
      assert.deepEqual(requestPreview('CreateImage', request), [
        ['DisplayName', 'Mine'],
        ['ImageName', 'img'],
        ['RoleArn', 'arn:aws:iam::123456789012:role/A'],
        ['Tags', 'team=ml, env='],
      ]);
    });

    it('UpdateImage: DeleteProperties first, as the model lists it', () => {
      const { request } = updateImageRequest('img', { displayName: 'a', description: 'b' }, { displayName: 'c' });
      assert.ok(request);
      assert.deepEqual(requestPreview('UpdateImage', request), [
        ['DeleteProperties', 'Description'],
        ['DisplayName', 'c'],
        ['ImageName', 'img'],
      ]);
    });

    it('shows markup as the characters it is (the UI renders rows as text)', () => {
      const request = createVersionRequest('img', { baseImage: 'repo:1', aliases: [], releaseNotes: '$(alert) [x](command:y)' }, 't');
      assert.deepEqual(requestPreview('CreateImageVersion', request).at(-1), ['ReleaseNotes', '$(alert) [x](command:y)']);
    });
  });

  describe('parseTags', () => {
    it('reads key=value pairs separated by commas, blanks around them dropped', () => {
      assert.deepEqual(parseTags(' team = ml ,env=prod, owner=a=b ,'), {
        tags: [
          { key: 'team', value: 'ml' },
          { key: 'env', value: 'prod' },
          { key: 'owner', value: 'a=b' },
        ],
      });
    });

    it('an empty box is no tags; an empty value is allowed', () => {
      assert.deepEqual(parseTags(''), { tags: [] });
      assert.deepEqual(parseTags('  ,  '), { tags: [] });
      assert.deepEqual(parseTags('k='), { tags: [{ key: 'k', value: '' }] });
    });

    it('round-trips with formatTags', () => {
      const tags = [
        { key: 'a', value: '1' },
        { key: 'b:c', value: 'x y' },
      ];
      assert.deepEqual(parseTags(formatTags(tags)).tags, tags);
    });

    const refused: [text: string, message: RegExp][] = [
      ['team', /“team” is not a tag: write key=value/],
      ['a=1, b', /“b” is not a tag/],
      ['=value', /Tag key “” cannot be used/],
      ['k=1, k=2', /Tag key “k” is listed twice/],
      ['k!=1', /Tag key “k!” cannot be used/],
      ['k=v;x', /The value of tag “k” cannot be used/],
      [`${'k'.repeat(129)}=v`, /This one has 129 characters/],
      [Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(','), /at most 50 tags, not 51/],
    ];
    for (const [text, message] of refused) {
      it(`refuses ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`, () => {
        const result = parseTags(text);
        assert.equal(result.tags, undefined);
        assert.match(result.error ?? '', message);
      });
    }

    it('refuses a pasted 100 KB text by its length, before reading it', () => {
      const result = parseTags(`${'a'.repeat(100_000)}`);
      assert.match(result.error ?? '', new RegExp(`at most ${MAX_TAGS_TEXT} fit`));
    });

    it('quotes a malformed entry cut short', () => {
      const result = parseTags('x'.repeat(500));
      assert.ok((result.error ?? '').length < 200);
    });
  });

  describe('parseAliases', () => {
    it('reads aliases separated by commas and blanks', () => {
      assert.deepEqual(parseAliases(' latest, stable  v1.2\tprod,,'), { aliases: ['latest', 'stable', 'v1.2', 'prod'] });
      assert.deepEqual(parseAliases(''), { aliases: [] });
      assert.deepEqual(parseAliases(' , '), { aliases: [] });
    });

    const refused: [text: string, message: RegExp][] = [
      ['ok, -bad', /Alias “-bad” cannot be used/],
      ['.hidden', /Alias “.hidden” cannot be used/],
      ['a/b', /Alias “a\/b” cannot be used/],
      ['a, a', /Alias “a” is listed twice/],
      ['x'.repeat(129), /This one has 129 characters/],
    ];
    for (const [text, message] of refused) {
      it(`refuses ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`, () => {
        assert.match(parseAliases(text).error ?? '', message);
      });
    }

    it('refuses a pasted 100 KB text by its length, before splitting it', () => {
      const result = parseAliases(`a${' ,'.repeat(50_000)}`);
      assert.deepEqual(result.aliases, []);
      assert.match(result.error ?? '', new RegExp(`at most ${MAX_ALIASES_TEXT} fit`));
    });
  });
});
