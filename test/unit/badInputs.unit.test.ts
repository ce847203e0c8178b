/**
 * The bad-input corpus (corpus/bad-inputs.json): every case is either accepted with its
 * documented meaning or refused with a message that says what is wrong — never an exception
 * escaping, never a request sent with invalid parameters. Image names and page sizes also go
 * through the real list call against the emulator, whose request log must show no refused input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArn, parseImageArn, parseImageVersionArn } from '../../src/commands/model/arns';
import { isAwsError } from '../../src/model/errors';
import { listImageVersionsPage } from '../../src/aws/operations';
import { checkConnectionSettings, checkEndpoint, checkProfile, checkRegion } from '../../src/model/settings';
import { parseDateInput } from '../../src/commands/model/dateInput';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { connect, useEmulator } from './helpers';

interface Case {
  kind: string;
  input: unknown;
  accept: boolean;
  why?: string;
}

const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'unit', 'corpus', 'bad-inputs.json'), 'utf8')) as {
  cases: Case[];
};

type Verdict = { ok: true } | { ok: false; message: string };

const fromChecked = (r: { ok: boolean; message?: string }): Verdict => (r.ok ? { ok: true } : { ok: false, message: r.message ?? '' });

/** Pure checks: what each kind of input goes through before anything is sent. */
function verdict(c: Case): Verdict {
  const text = c.input as string;
  switch (c.kind) {
    case 'date': {
      const r = parseDateInput(text);
      return r.ok ? { ok: true } : { ok: false, message: r.message };
    }
    case 'endpoint':
      return fromChecked(checkEndpoint(text));
    case 'profile':
      return fromChecked(checkProfile(text));
    case 'region':
      return fromChecked(checkRegion(text));
    default:
      if (c.kind.startsWith('setting.')) return fromChecked(checkConnectionSettings({ [c.kind.slice('setting.'.length)]: c.input }));
      throw new Error(`no pure check for ${c.kind}`);
  }
}

describe('bad-input corpus', function () {
  it('holds at least 200 cases of every kind the issue names', () => {
    assert.ok(corpus.cases.length >= 200, `${corpus.cases.length} cases`);
    const kinds = new Set(corpus.cases.map((c) => c.kind.split('.')[0]));
    for (const k of ['date', 'imageName', 'pageSize', 'endpoint', 'arn', 'profile', 'region', 'setting']) assert.ok(kinds.has(k), k);
  });

  // ARNs have no message of their own in src/aws (the command that reads one words it): an
  // accepted ARN must parse to exactly its parts, a refused one to nothing under any reading.
  for (const c of corpus.cases.filter((x) => x.kind === 'arn')) {
    it(`arn ${JSON.stringify(c.input)} is ${c.accept ? 'accepted, parsed into exactly its parts' : 'refused by every parser'}`, () => {
      const text = c.input as string;
      const parsed = parseArn(text);
      if (!c.accept) {
        assert.equal(parsed, undefined, `parsed as ${JSON.stringify(parsed)}`);
        assert.equal(parseImageArn(text), undefined);
        assert.equal(parseImageVersionArn(text), undefined);
        return;
      }
      assert.ok(parsed, 'not parsed');
      const resource = parsed.kind === 'image' ? `image/${parsed.imageName}` : `image-version/${parsed.imageName}/${parsed.version}`;
      assert.equal(
        `arn:${parsed.partition}:sagemaker:${parsed.region}:${parsed.account}:${resource}`,
        text.trim(),
        'the parts rebuild the ARN',
      );
      assert.equal(parsed.kind, /:image-version\//.test(text) ? 'imageVersion' : 'image');
    });
  }

  for (const c of corpus.cases.filter((x) => x.kind !== 'imageName' && x.kind !== 'pageSize' && x.kind !== 'arn')) {
    it(`${c.kind} ${JSON.stringify(c.input)} is ${c.accept ? 'accepted' : 'refused with a message'}`, () => {
      let v: Verdict;
      assert.doesNotThrow(() => {
        v = verdict(c);
      });
      v = verdict(c);
      assert.equal(v.ok, c.accept, v.ok ? 'accepted' : `refused: ${v.message}`);
      if (!v.ok) assert.ok(v.message.length > 10, 'the message says what is wrong');
    });
  }

  describe('through the real list call (emulator request log)', function () {
    const emu = useEmulator('empty');
    let conn: SageMakerConnection;
    before(async () => {
      emu().seed({ images: [{ name: 'corpus-image', versions: 3 }] });
      conn = await connect(emu());
    });
    after(() => conn.client.destroy());

    for (const c of corpus.cases.filter((x) => x.kind === 'imageName' || x.kind === 'pageSize')) {
      it(`${c.kind} ${JSON.stringify(c.input)}: ${c.accept ? 'sent and accepted by the service' : 'refused, nothing sent'}`, async () => {
        emu().clearRequests();
        const input =
          c.kind === 'imageName'
            ? { imageName: c.input as string, maxResults: 10 }
            : { imageName: 'corpus-image', maxResults: c.input as number };
        const outcome = await listImageVersionsPage(conn, input).then(
          () => undefined,
          (e: unknown) => e,
        );
        const sent = emu().calls('ListImageVersions');
        if (c.accept) {
          assert.equal(sent.length, 1, 'one request');
          assert.notEqual(sent[0].errorCode, 'ValidationException', 'the service found nothing invalid');
          if (outcome !== undefined) {
            assert.ok(isAwsError(outcome));
            assert.equal(outcome.kind, 'notFound', 'only an unknown image may fail');
          }
        } else {
          assert.equal(sent.length, 0, 'nothing was sent');
          assert.ok(isAwsError(outcome), 'refused with an AwsError, not a crash');
          assert.equal(outcome.kind, 'validation');
          assert.ok(outcome.message.length > 10);
        }
      });
    }
  });
});
