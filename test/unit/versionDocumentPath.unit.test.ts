/**
 * Details document paths (issue 13, finding 4): any link in any file can open a
 * `sagemaker-image-version:` URI, so only what the extension itself writes may lead to a call, and
 * an untrusted workspace never makes one.
 */
import * as assert from 'node:assert/strict';
import { isKnownRegion } from '../../src/model/regions';
import {
  checkVersionDocumentPath,
  decideVersionDocument,
  parseVersionDocumentPath,
  versionDocumentPath,
} from '../../src/model/versionDocument';

describe('version document paths', () => {
  it('reads back every path the extension writes', () => {
    for (const ref of [
      { region: 'us-east-1', imageName: 'my-image', version: 3 },
      { region: 'eu-west-1', imageName: 'My.Image-v2', version: 0 },
      { region: 'cn-north-1', imageName: 'a.v1', version: 12 },
      { region: 'us-gov-west-1', imageName: 'x'.repeat(63), version: Number.MAX_SAFE_INTEGER },
    ]) {
      assert.deepEqual(parseVersionDocumentPath(versionDocumentPath(ref), isKnownRegion), ref);
    }
  });

  it('refuses a region label SageMaker does not serve, naming it', () => {
    assert.deepEqual(checkVersionDocumentPath('/www-attacker-example/img/img.v1.json', isKnownRegion), {
      ok: false,
      problem: 'unknownRegion',
      value: 'www-attacker-example',
    });
    assert.deepEqual(checkVersionDocumentPath('/us-east-9/img/img.v1.json', isKnownRegion), {
      ok: false,
      problem: 'unknownRegion',
      value: 'us-east-9',
    });
    assert.equal(checkVersionDocumentPath('/US-EAST-1/img/img.v1.json', isKnownRegion).ok, false);
  });

  it('refuses names outside the model pattern and versions that are not whole numbers ≥ 0', () => {
    assert.deepEqual(checkVersionDocumentPath('/us-east-1/-img/-img.v1.json', isKnownRegion), {
      ok: false,
      problem: 'badImageName',
      value: '-img',
    });
    assert.deepEqual(checkVersionDocumentPath('/us-east-1/a..b/a..b.v1.json', isKnownRegion), {
      ok: false,
      problem: 'badImageName',
      value: 'a..b',
    });
    const long = 'x'.repeat(64);
    assert.deepEqual(checkVersionDocumentPath(`/us-east-1/${long}/${long}.v1.json`, isKnownRegion), {
      ok: false,
      problem: 'badImageName',
      value: long,
    });
    assert.deepEqual(checkVersionDocumentPath('/us-east-1/img/img.v-1.json', isKnownRegion), {
      ok: false,
      problem: 'badVersion',
      value: '-1',
    });
    assert.deepEqual(checkVersionDocumentPath('/us-east-1/img/img.v1.5.json', isKnownRegion), {
      ok: false,
      problem: 'badVersion',
      value: '1.5',
    });
    assert.deepEqual(checkVersionDocumentPath('/us-east-1/img/img.v.json', isKnownRegion), { ok: false, problem: 'badVersion', value: '' });
    assert.deepEqual(checkVersionDocumentPath('/us-east-1/img/img.v99999999999999999.json', isKnownRegion), {
      ok: false,
      problem: 'badVersion',
      value: '99999999999999999',
    });
  });

  it('refuses other shapes: a file of another image, extra segments, a long path', () => {
    for (const path of [
      '/us-east-1/img/other.v1.json',
      '/us-east-1/img/img.v1.txt',
      '/us-east-1/img/x/img.v1.json',
      'us-east-1/img/img.v1.json',
      '/us-east-1/img',
      `/us-east-1/${'a'.repeat(100_000)}/a.v1.json`,
    ]) {
      const checked = checkVersionDocumentPath(path, isKnownRegion);
      assert.equal(checked.ok ? 'ok' : checked.problem, 'notADocument', path);
    }
  });

  it('checks the region through the given function (no region is assumed known)', () => {
    assert.equal(checkVersionDocumentPath('/us-east-1/img/img.v1.json', () => false).ok, false);
    assert.equal(checkVersionDocumentPath('/moon-1/img/img.v1.json', (r) => r === 'moon-1').ok, true);
  });
});

describe('opening a version document', () => {
  const trusted = { isTrusted: true, isKnownRegion };
  const untrusted = { isTrusted: false, isKnownRegion };

  it('describes a valid version only in a trusted workspace', () => {
    assert.deepEqual(decideVersionDocument('/us-east-1/img/img.v2.json', trusted), {
      action: 'describe',
      ref: { region: 'us-east-1', imageName: 'img', version: 2 },
    });
    assert.deepEqual(decideVersionDocument('/us-east-1/img/img.v2.json', untrusted), {
      action: 'askForTrust',
      ref: { region: 'us-east-1', imageName: 'img', version: 2 },
    });
  });

  it('refuses a bad path whether trusted or not', () => {
    for (const workspace of [trusted, untrusted]) {
      const decision = decideVersionDocument('/www-attacker-example/img/img.v2.json', workspace);
      assert.equal(decision.action, 'refuse');
      assert.equal(decision.action === 'refuse' && decision.checked.problem, 'unknownRegion');
    }
  });
});
