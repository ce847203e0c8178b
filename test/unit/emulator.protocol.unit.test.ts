/**
 * The emulator speaks awsJson1_1 the way SageMaker does (see
 * /work/shared/reference/sagemaker-images-model.json), checked both through the real
 * @aws-sdk/client-sagemaker over HTTP and with plain node:http requests.
 */
import * as assert from 'node:assert/strict';
import {
  CreateImageCommand,
  CreateImageVersionCommand,
  DeleteImageVersionCommand,
  DescribeImageCommand,
  DescribeImageVersionCommand,
  ListAliasesCommand,
  ListImagesCommand,
  ListImageVersionsCommand,
  ResourceInUse,
  ResourceNotFound,
  SageMakerServiceException,
  UpdateImageVersionCommand,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { connect, control, rawCall, rawRequest, rejection, useEmulator } from './helpers';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerStudioImageRole';
const FRACTIONAL = '2024-01-02T03:04:05.678Z';

describe('emulator: awsJson1_1 on the wire', function () {
  const emu = useEmulator('empty');
  let conn: SageMakerConnection;

  before(async function () {
    emu().seed({
      images: [
        {
          name: 'wire-image',
          createdAt: '2024-01-01T00:00:00.000Z',
          versions: [{ createdAt: FRACTIONAL, modifiedAt: '2024-01-03T00:00:00.123Z' }],
        },
      ],
    });
    conn = await connect(emu());
  });
  after(() => conn.client.destroy());

  it('the SDK sends POST / with X-Amz-Target SageMaker.<Operation> and the awsJson 1.1 content type', async function () {
    const own = await connect(emu());
    const seen: { method: string; path: string; headers: Record<string, string>; body: unknown }[] = [];
    own.client.middlewareStack.add(
      (next) => async (args) => {
        const r = args.request as { method: string; path: string; headers: Record<string, string>; body: unknown };
        seen.push({ method: r.method, path: r.path, headers: { ...r.headers }, body: r.body });
        return next(args);
      },
      { step: 'build', name: 'captureRequestForTest' },
    );
    try {
      emu().clearRequests();
      await own.client.send(new ListImagesCommand({}));
      await own.client.send(new DescribeImageCommand({ ImageName: 'wire-image' }));
    } finally {
      own.client.destroy();
    }
    assert.equal(seen.length, 2);
    for (const [i, op] of ['ListImages', 'DescribeImage'].entries()) {
      assert.equal(seen[i].method, 'POST');
      assert.equal(seen[i].path, '/');
      assert.equal(seen[i].headers['x-amz-target'], `SageMaker.${op}`);
      assert.equal(seen[i].headers['content-type'], 'application/x-amz-json-1.1');
    }
    const body = seen[0].body;
    assert.equal(
      typeof body === 'string' ? body : new TextDecoder().decode(Uint8Array.from(body as Uint8Array)),
      '{}',
      'an empty input is sent as {}',
    );
    // The emulator routed each by its X-Amz-Target.
    assert.deepEqual(
      emu()
        .calls()
        .map((c) => [c.operation, c.status]),
      [
        ['ListImages', 200],
        ['DescribeImage', 200],
      ],
    );
  });

  it('serves only POST / with a known SageMaker.<Operation> target', async function () {
    const get = await rawRequest(emu().url, { method: 'GET', path: '/' });
    assert.equal(get.status, 404);
    assert.equal(get.json().__type, 'UnknownOperationException');

    const unknown = await rawCall(emu().url, 'ListTrainingJobs', {});
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json().__type, 'UnknownOperationException');

    const notJson = await rawCall(emu().url, 'ListImages', '{"MaxResults": ');
    assert.equal(notJson.status, 400);
    assert.equal(notJson.json().__type, 'SerializationException');

    const unsigned = await rawRequest(emu().url, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'SageMaker.ListImages' },
      body: '{}',
    });
    assert.equal(unsigned.status, 403);
    assert.equal(unsigned.json().__type, 'MissingAuthenticationTokenException');
  });

  it('answers with epoch-second timestamps that keep fractional milliseconds, and the SDK turns them into exact Dates', async function () {
    const raw = await rawCall(emu().url, 'ListImageVersions', { ImageName: 'wire-image' });
    assert.equal(raw.status, 200);
    assert.equal(raw.headers['content-type'], 'application/x-amz-json-1.1');
    const v = (raw.json().ImageVersions as Record<string, unknown>[])[0];
    assert.equal(v.CreationTime, 1704164645.678);
    assert.equal(v.LastModifiedTime, Date.parse('2024-01-03T00:00:00.123Z') / 1000);
    assert.equal(typeof v.Version, 'number');

    const out = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'wire-image' }));
    const sdk = out.ImageVersions?.[0];
    assert.ok(sdk?.CreationTime instanceof Date);
    assert.equal(sdk.CreationTime.toISOString(), FRACTIONAL);
    assert.equal(sdk.LastModifiedTime?.toISOString(), '2024-01-03T00:00:00.123Z');
  });

  it('receives timestamps from the SDK as epoch seconds (Date 2024-01-02T03:04:05.678Z → 1704164645.678)', async function () {
    emu().clearRequests();
    const out = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'wire-image', CreationTimeAfter: new Date(FRACTIONAL) }));
    const [call] = emu().calls('ListImageVersions');
    assert.equal(call.params.CreationTimeAfter, 1704164645.678);
    // …and the inclusive bound keeps the version created at exactly that instant.
    assert.equal(out.ImageVersions?.length, 1);
  });

  it('answers errors as {"__type","Message"} with HTTP 400 and an x-amzn-RequestId (plain HTTP)', async function () {
    const res = await rawCall(emu().url, 'DescribeImage', { ImageName: 'no-such-image' });
    assert.equal(res.status, 400);
    assert.equal(res.headers['content-type'], 'application/x-amz-json-1.1');
    assert.match(String(res.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['Message', '__type']);
    assert.equal(body.__type, 'ResourceNotFound');
    assert.match(String(body.Message), /no-such-image/);

    const invalid = await rawCall(emu().url, 'ListImages', { MaxResults: 0 });
    assert.equal(invalid.status, 400);
    assert.ok(invalid.headers['x-amzn-requestid']);
    assert.equal(invalid.json().__type, 'ValidationException');
    assert.equal(typeof invalid.json().Message, 'string');
  });

  it('puts a fresh x-amzn-RequestId on every answer, which the SDK surfaces as $metadata.requestId', async function () {
    const a = await conn.client.send(new ListImagesCommand({}));
    const b = await conn.client.send(new ListImagesCommand({}));
    assert.match(String(a.$metadata.requestId), /^[0-9a-f-]{36}$/);
    assert.notEqual(a.$metadata.requestId, b.$metadata.requestId);
    assert.equal(a.$metadata.httpStatusCode, 200);
  });

  it('lets the SDK parse ResourceNotFound into its modelled class and ValidationException into a named service exception', async function () {
    const nf = await rejection(conn.client.send(new DescribeImageCommand({ ImageName: 'no-such-image' })));
    assert.ok(nf instanceof ResourceNotFound, `got ${nf.name}`);
    assert.equal(nf.name, 'ResourceNotFound');
    assert.equal((nf as unknown as ResourceNotFound).$fault, 'client');
    assert.equal((nf as unknown as ResourceNotFound).$metadata.httpStatusCode, 400);
    assert.ok((nf as unknown as ResourceNotFound).$metadata.requestId);
    assert.match(nf.message, /no-such-image/);

    const ve = await rejection(conn.client.send(new ListImagesCommand({ MaxResults: 0 })));
    assert.ok(ve instanceof SageMakerServiceException);
    assert.equal(ve.name, 'ValidationException');
    assert.equal(
      ve.message,
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
});

describe('emulator: the nine image operations', function () {
  const emu = useEmulator('empty');
  let conn: SageMakerConnection;
  before(async function () {
    conn = await connect(emu());
  });
  after(() => conn.client.destroy());

  it('CreateImage creates an image (ARN arn:aws:sagemaker:<region>:123456789012:image/<name>) that DescribeImage and ListImages return; a second CreateImage is ResourceInUse', async function () {
    const created = await conn.client.send(
      new CreateImageCommand({ ImageName: 'ops-image', RoleArn: ROLE, DisplayName: 'Ops image', Description: 'made by a test' }),
    );
    assert.equal(created.ImageArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/ops-image');

    const d = await conn.client.send(new DescribeImageCommand({ ImageName: 'ops-image' }));
    assert.equal(d.ImageArn, created.ImageArn);
    assert.equal(d.ImageName, 'ops-image');
    assert.equal(d.ImageStatus, 'CREATED');
    assert.equal(d.DisplayName, 'Ops image');
    assert.equal(d.Description, 'made by a test');
    assert.equal(d.RoleArn, ROLE);
    assert.ok(d.CreationTime instanceof Date && d.LastModifiedTime instanceof Date);

    const list = await conn.client.send(new ListImagesCommand({}));
    assert.deepEqual(
      list.Images?.map((i) => i.ImageArn),
      [created.ImageArn],
    );

    const again = await rejection(conn.client.send(new CreateImageCommand({ ImageName: 'ops-image', RoleArn: ROLE })));
    assert.ok(again instanceof ResourceInUse, `got ${again.name}`);
  });

  it('CreateImageVersion numbers versions from 1 with ARNs …:image-version/<name>/<n>, and ListImageVersions returns them', async function () {
    const v1 = await conn.client.send(
      new CreateImageVersionCommand({ ImageName: 'ops-image', BaseImage: 'repo/ops:1', ClientToken: 'token-1', Aliases: ['first'] }),
    );
    const v2 = await conn.client.send(
      new CreateImageVersionCommand({ ImageName: 'ops-image', BaseImage: 'repo/ops:2', ClientToken: 'token-2' }),
    );
    assert.equal(v1.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/ops-image/1');
    assert.equal(v2.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/ops-image/2');

    const list = await conn.client.send(
      new ListImageVersionsCommand({ ImageName: 'ops-image', SortBy: 'VERSION', SortOrder: 'ASCENDING' }),
    );
    assert.deepEqual(
      list.ImageVersions?.map((v) => [v.Version, v.ImageVersionArn, v.ImageArn, v.ImageVersionStatus]),
      [
        [1, v1.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/ops-image', 'CREATED'],
        [2, v2.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/ops-image', 'CREATED'],
      ],
    );
  });

  it('CreateImageVersion is idempotent on ClientToken: the same token returns the same ARN and adds no version', async function () {
    const before = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'ops-image' }));
    const again = await conn.client.send(
      new CreateImageVersionCommand({ ImageName: 'ops-image', BaseImage: 'repo/ops:1', ClientToken: 'token-1', Aliases: ['first'] }),
    );
    assert.equal(again.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/ops-image/1');
    const after = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'ops-image' }));
    assert.equal(after.ImageVersions?.length, before.ImageVersions?.length);
  });

  it('CreateImageVersion without a ClientToken gets one generated by the SDK (sent as a UUID) and still creates a version', async function () {
    emu().clearRequests();
    const out = await conn.client.send(new CreateImageVersionCommand({ ImageName: 'ops-image', BaseImage: 'repo/ops:3' } as never));
    assert.equal(out.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/ops-image/3');
    const [call] = emu().calls('CreateImageVersion');
    assert.match(String(call.params.ClientToken), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('DescribeImageVersion describes the latest version without Version or Alias, a given Version, and the version an Alias points at', async function () {
    const latest = await conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image' }));
    assert.equal(latest.Version, 3);
    assert.equal(latest.BaseImage, 'repo/ops:3');
    assert.equal(latest.ContainerImage, '123456789012.dkr.ecr.us-east-1.amazonaws.com/ops-image:v3');

    const second = await conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image', Version: 2 }));
    assert.equal(second.Version, 2);
    assert.equal(second.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/ops-image/2');

    const byAlias = await conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image', Alias: 'first' }));
    assert.equal(byAlias.Version, 1);
    assert.equal(byAlias.BaseImage, 'repo/ops:1');
  });

  it('UpdateImageVersion adds and deletes aliases, and ListAliases shows the result per version and for the whole image', async function () {
    const up = await conn.client.send(
      new UpdateImageVersionCommand({
        ImageName: 'ops-image',
        Version: 2,
        AliasesToAdd: ['prod', 'stable'],
        ProgrammingLang: 'Python 3.11',
        JobType: 'TRAINING',
      }),
    );
    assert.equal(up.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/ops-image/2');
    let v2 = await conn.client.send(new ListAliasesCommand({ ImageName: 'ops-image', Version: 2 }));
    assert.deepEqual(v2.SageMakerImageVersionAliases?.sort(), ['prod', 'stable']);
    const d = await conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image', Alias: 'prod' }));
    assert.equal(d.Version, 2);
    assert.equal(d.ProgrammingLang, 'Python 3.11');
    assert.equal(d.JobType, 'TRAINING');

    await conn.client.send(new UpdateImageVersionCommand({ ImageName: 'ops-image', Alias: 'prod', AliasesToDelete: ['stable'] }));
    v2 = await conn.client.send(new ListAliasesCommand({ ImageName: 'ops-image', Version: 2 }));
    assert.deepEqual(v2.SageMakerImageVersionAliases, ['prod']);

    const all = await conn.client.send(new ListAliasesCommand({ ImageName: 'ops-image' }));
    assert.deepEqual(all.SageMakerImageVersionAliases?.sort(), ['first', 'prod']);

    // An alias is held by one version at a time.
    const taken = await rejection(
      conn.client.send(new UpdateImageVersionCommand({ ImageName: 'ops-image', Version: 3, AliasesToAdd: ['prod'] })),
    );
    assert.equal(taken.name, 'ValidationException');
  });

  it('DeleteImageVersion removes a version by Version or by Alias (answering {}), after which it is ResourceNotFound', async function () {
    const raw = await rawCall(emu().url, 'DeleteImageVersion', { ImageName: 'ops-image', Version: 3 });
    assert.equal(raw.status, 200);
    assert.equal(raw.text, '{}');
    const gone = await rejection(conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image', Version: 3 })));
    assert.ok(gone instanceof ResourceNotFound);

    await conn.client.send(new DeleteImageVersionCommand({ ImageName: 'ops-image', Alias: 'first' }));
    const left = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'ops-image' }));
    assert.deepEqual(
      left.ImageVersions?.map((v) => v.Version),
      [2],
    );

    const neither = await rejection(conn.client.send(new DeleteImageVersionCommand({ ImageName: 'ops-image' })));
    assert.equal(neither.name, 'ValidationException');
  });

  it('answers ResourceNotFound for an unknown image on ListImageVersions, DescribeImage, DescribeImageVersion and ListAliases, and for unknown versions and aliases', async function () {
    const calls = [
      new ListImageVersionsCommand({ ImageName: 'ghost-image' }),
      new DescribeImageCommand({ ImageName: 'ghost-image' }),
      new DescribeImageVersionCommand({ ImageName: 'ghost-image' }),
      new ListAliasesCommand({ ImageName: 'ghost-image' }),
    ];
    for (const command of calls) {
      const e = await rejection(conn.client.send(command as never));
      assert.ok(e instanceof ResourceNotFound, `${command.constructor.name}: got ${e.name}`);
      assert.match(e.message, /ghost-image/);
    }
    const version = await rejection(conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image', Version: 99 })));
    assert.ok(version instanceof ResourceNotFound);
    assert.match(version.message, /ops-image/);
    assert.match(version.message, /99/);
    const alias = await rejection(conn.client.send(new DescribeImageVersionCommand({ ImageName: 'ops-image', Alias: 'nope' })));
    assert.ok(alias instanceof ResourceNotFound);
    const aliases = await rejection(conn.client.send(new ListAliasesCommand({ ImageName: 'ops-image', Version: 99 })));
    assert.ok(aliases instanceof ResourceNotFound);
    const noVersions = await conn.client.send(new CreateImageCommand({ ImageName: 'no-versions', RoleArn: ROLE }));
    assert.ok(noVersions.ImageArn);
    const latest = await rejection(conn.client.send(new DescribeImageVersionCommand({ ImageName: 'no-versions' })));
    assert.ok(latest instanceof ResourceNotFound, 'an image without versions has no latest version');
  });
});

describe('emulator: regions from the SigV4 scope', function () {
  const emu = useEmulator('empty');

  it('a client for eu-west-1 sees its own store and gets eu-west-1 ARNs', async function () {
    emu().seed({ images: [{ name: 'virginia-only', versions: 1 }] });
    emu().seed({ region: 'eu-west-1', images: [{ name: 'dublin-only', versions: 2 }] });
    const east = await connect(emu());
    const west = await connect(emu(), {}, 'eu-west-1');
    try {
      const eastImages = await east.client.send(new ListImagesCommand({}));
      const westImages = await west.client.send(new ListImagesCommand({}));
      assert.deepEqual(
        eastImages.Images?.map((i) => i.ImageName),
        ['virginia-only'],
      );
      assert.deepEqual(
        westImages.Images?.map((i) => [i.ImageName, i.ImageArn]),
        [['dublin-only', 'arn:aws:sagemaker:eu-west-1:123456789012:image/dublin-only']],
      );
      const v = await west.client.send(new DescribeImageVersionCommand({ ImageName: 'dublin-only' }));
      assert.equal(v.ImageVersionArn, 'arn:aws:sagemaker:eu-west-1:123456789012:image-version/dublin-only/2');
      assert.equal(v.ContainerImage, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/dublin-only:v2');
      const cross = await rejection(west.client.send(new DescribeImageCommand({ ImageName: 'virginia-only' })));
      assert.ok(cross instanceof ResourceNotFound);

      const created = await west.client.send(new CreateImageCommand({ ImageName: 'made-in-dublin', RoleArn: ROLE }));
      assert.equal(created.ImageArn, 'arn:aws:sagemaker:eu-west-1:123456789012:image/made-in-dublin');
      assert.equal(emu().region('eu-west-1').images.has('made-in-dublin'), true);
      assert.equal(emu().region('us-east-1').images.has('made-in-dublin'), false);
      assert.deepEqual(
        [
          ...new Set(
            emu()
              .calls()
              .map((c) => c.region),
          ),
        ].sort(),
        ['eu-west-1', 'us-east-1'],
      );
    } finally {
      east.client.destroy();
      west.client.destroy();
    }
  });

  it('uses the partition of the region in ARNs (aws-cn for cn-north-1)', async function () {
    const cn = await connect(emu(), {}, 'cn-north-1');
    try {
      const created = await cn.client.send(
        new CreateImageCommand({ ImageName: 'beijing', RoleArn: 'arn:aws-cn:iam::123456789012:role/Studio' }),
      );
      assert.equal(created.ImageArn, 'arn:aws-cn:sagemaker:cn-north-1:123456789012:image/beijing');
    } finally {
      cn.client.destroy();
    }
    const health = await control(emu().url, 'GET', '/_emulator/health');
    assert.equal(health.status, 200);
    assert.equal(health.json().ok, true);
  });
});
