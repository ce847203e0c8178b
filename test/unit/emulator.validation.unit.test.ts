/**
 * Server-side input validation against the model's constraints, Coral style. The SDK validates
 * nothing (it sends MaxResults 0 as given), so these go through the raw SDK commands (or plain
 * HTTP where even the SDK could not serialize the value) and the emulator must answer a
 * ValidationException naming the member: never a crash, never a silent default.
 */
import * as assert from 'node:assert/strict';
import {
  CreateImageCommand,
  CreateImageVersionCommand,
  DescribeImageVersionCommand,
  ListAliasesCommand,
  ListImagesCommand,
  ListImageVersionsCommand,
  UpdateImageVersionCommand,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { assertCoral, connect, rawCall, rejection, useEmulator } from './helpers';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerStudioImageRole';

interface SdkCase {
  title: string;
  command: () => object;
  member: string;
  constraint: string;
}

/** Loose inputs: the point is to send what the types would not allow. */
const loose = <T>(x: Record<string, unknown>) => x as T;

const SDK_CASES: SdkCase[] = [
  // required
  {
    title: 'required: ListImageVersions without ImageName',
    command: () => new ListImageVersionsCommand(loose({})),
    member: 'imageName',
    constraint: 'Member must not be null',
  },
  {
    title: 'required: CreateImage without RoleArn',
    command: () => new CreateImageCommand(loose({ ImageName: 'x' })),
    member: 'roleArn',
    constraint: 'Member must not be null',
  },
  {
    title: 'required: CreateImageVersion without BaseImage',
    command: () => new CreateImageVersionCommand(loose({ ImageName: 'x', ClientToken: 'abc' })),
    member: 'baseImage',
    constraint: 'Member must not be null',
  },
  // range
  {
    title: 'range: ListImageVersions MaxResults 101',
    command: () => new ListImageVersionsCommand({ ImageName: 'valid-image', MaxResults: 101 }),
    member: 'maxResults',
    constraint: "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
  },
  {
    title: 'range: ListAliases MaxResults 0',
    command: () => new ListAliasesCommand({ ImageName: 'valid-image', MaxResults: 0 }),
    member: 'maxResults',
    constraint: 'Member must have value greater than or equal to 1',
  },
  {
    title: 'range: DescribeImageVersion Version -1',
    command: () => new DescribeImageVersionCommand({ ImageName: 'valid-image', Version: -1 }),
    member: 'version',
    constraint: "Value '-1' at 'version' failed to satisfy constraint: Member must have value greater than or equal to 0",
  },
  // length
  {
    title: 'length: ImageName of 64 characters',
    command: () => new ListImageVersionsCommand({ ImageName: 'a'.repeat(64) }),
    member: 'imageName',
    constraint: 'Member must have length less than or equal to 63',
  },
  {
    title: 'length: NextToken of 8193 characters',
    command: () => new ListImagesCommand({ NextToken: 'x'.repeat(8193) }),
    member: 'nextToken',
    constraint: 'Member must have length less than or equal to 8192',
  },
  {
    title: 'length: ClientToken of 37 characters',
    command: () => new CreateImageVersionCommand({ ImageName: 'valid-image', BaseImage: 'b', ClientToken: 'a'.repeat(37) }),
    member: 'clientToken',
    constraint: 'Member must have length less than or equal to 36',
  },
  {
    title: 'length: empty Description',
    command: () => new CreateImageCommand({ ImageName: 'valid-image', RoleArn: ROLE, Description: '' }),
    member: 'description',
    constraint: 'Member must have length greater than or equal to 1',
  },
  {
    title: 'length: RoleArn shorter than 20',
    command: () => new CreateImageCommand({ ImageName: 'valid-image', RoleArn: 'arn:aws:iam::1:r' }),
    member: 'roleArn',
    constraint: 'Member must have length greater than or equal to 20',
  },
  // pattern
  {
    title: 'pattern: ImageName with an underscore',
    command: () => new DescribeImageVersionCommand({ ImageName: 'bad_name' }),
    member: 'imageName',
    constraint:
      "Value 'bad_name' at 'imageName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$",
  },
  {
    title: 'pattern: NameContains with a space',
    command: () => new ListImagesCommand({ NameContains: 'a b' }),
    member: 'nameContains',
    constraint: 'Member must satisfy regular expression pattern',
  },
  {
    title: 'pattern: Alias starting with a dot',
    command: () => new ListAliasesCommand({ ImageName: 'valid-image', Alias: '.hidden' }),
    member: 'alias',
    constraint: 'Member must satisfy regular expression pattern',
  },
  {
    title: 'pattern: each AliasesToAdd entry, by index',
    command: () => new UpdateImageVersionCommand({ ImageName: 'valid-image', Version: 1, AliasesToAdd: ['ok', 'not ok'] }),
    member: 'aliasesToAdd.2.member',
    constraint: 'Member must satisfy regular expression pattern',
  },
  {
    title: 'pattern: ProgrammingLang without a version',
    command: () => new UpdateImageVersionCommand({ ImageName: 'valid-image', Version: 1, ProgrammingLang: 'Python' }),
    member: 'programmingLang',
    constraint: 'Member must satisfy regular expression pattern',
  },
  {
    title: 'pattern: RoleArn that is not an IAM role',
    command: () => new CreateImageCommand({ ImageName: 'valid-image', RoleArn: 'arn:aws:s3:::some-bucket-name/key' }),
    member: 'roleArn',
    constraint: 'Member must satisfy regular expression pattern',
  },
  // enum
  {
    title: 'enum: ListImageVersions SortBy IMAGE_NAME (a ListImages value)',
    command: () => new ListImageVersionsCommand(loose({ ImageName: 'valid-image', SortBy: 'IMAGE_NAME' })),
    member: 'sortBy',
    constraint: 'Member must satisfy enum value set: [CREATION_TIME, LAST_MODIFIED_TIME, VERSION]',
  },
  {
    title: 'enum: ListImages SortBy VERSION (a ListImageVersions value)',
    command: () => new ListImagesCommand(loose({ SortBy: 'VERSION' })),
    member: 'sortBy',
    constraint: 'Member must satisfy enum value set: [CREATION_TIME, LAST_MODIFIED_TIME, IMAGE_NAME]',
  },
  {
    title: 'enum: SortOrder lower case',
    command: () => new ListImagesCommand(loose({ SortOrder: 'ascending' })),
    member: 'sortOrder',
    constraint: 'Member must satisfy enum value set: [ASCENDING, DESCENDING]',
  },
  {
    title: 'enum: Processor TPU',
    command: () => new UpdateImageVersionCommand(loose({ ImageName: 'valid-image', Version: 1, Processor: 'TPU' })),
    member: 'processor',
    constraint: 'Member must satisfy enum value set: [CPU, GPU]',
  },
  // wrong JSON type, as far as the SDK passes it through
  {
    title: 'type: MaxResults 2.5',
    command: () => new ListImagesCommand({ MaxResults: 2.5 }),
    member: 'maxResults',
    constraint: 'Member must be an integer',
  },
];

interface RawCase {
  title: string;
  operation: string;
  body: Record<string, unknown>;
  member: string;
  constraint: string;
}

/** Wrong JSON types the SDK's serializer would not produce: sent as plain HTTP. */
const RAW_CASES: RawCase[] = [
  {
    title: 'MaxResults as a string',
    operation: 'ListImages',
    body: { MaxResults: '10' },
    member: 'maxResults',
    constraint: 'Member must be an integer',
  },
  {
    title: 'CreationTimeAfter as ISO text',
    operation: 'ListImageVersions',
    body: { ImageName: 'valid-image', CreationTimeAfter: '2024-01-01T00:00:00Z' },
    member: 'creationTimeAfter',
    constraint: 'Member must be a timestamp',
  },
  {
    title: 'ImageName as a number',
    operation: 'DescribeImage',
    body: { ImageName: 42 },
    member: 'imageName',
    constraint: 'Member must be a string',
  },
  {
    title: 'Horovod as a string',
    operation: 'UpdateImageVersion',
    body: { ImageName: 'valid-image', Version: 1, Horovod: 'yes' },
    member: 'horovod',
    constraint: 'Member must be a boolean',
  },
  {
    title: 'AliasesToDelete as a string',
    operation: 'UpdateImageVersion',
    body: { ImageName: 'valid-image', Version: 1, AliasesToDelete: 'latest' },
    member: 'aliasesToDelete',
    constraint: 'Member must be a list',
  },
  {
    title: 'a Tag without its required Value',
    operation: 'CreateImage',
    body: { ImageName: 'valid-image', RoleArn: ROLE, Tags: [{ Key: 'team' }] },
    member: 'tags.1.member.value',
    constraint: 'Member must not be null',
  },
  {
    title: 'Version as a string',
    operation: 'DescribeImageVersion',
    body: { ImageName: 'valid-image', Version: '1' },
    member: 'version',
    constraint: 'Member must be an integer',
  },
];

describe('emulator: server-side validation of every member kind', function () {
  const emu = useEmulator('empty');
  let conn: SageMakerConnection;
  before(async function () {
    emu().seed({ images: [{ name: 'valid-image', versions: 1 }] });
    conn = await connect(emu());
  });
  after(() => conn.client.destroy());

  it('answers MaxResults 0 with the exact Coral message (raw SDK ListImageVersionsCommand; the SDK does not validate)', async function () {
    emu().clearRequests();
    const e = await rejection(conn.client.send(new ListImageVersionsCommand({ ImageName: 'valid-image', MaxResults: 0 })));
    assert.equal(e.name, 'ValidationException');
    assert.equal(
      e.message,
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const [call] = emu().calls('ListImageVersions');
    assert.equal(call.params.MaxResults, 0, 'the SDK sent 0 as given');
    assert.equal(call.status, 400);
    assert.equal(call.errorCode, 'ValidationException');
  });

  for (const c of SDK_CASES) {
    it(`rejects ${c.title} (via the SDK)`, async function () {
      const e = await rejection(conn.client.send(c.command() as never));
      assert.equal(e.name, 'ValidationException', `${e.name}: ${e.message}`);
      assert.equal((e.$metadata as { httpStatusCode?: number }).httpStatusCode, 400);
      assertCoral(e.message, c.member, c.constraint);
    });
  }

  for (const c of RAW_CASES) {
    it(`rejects ${c.title} (plain HTTP)`, async function () {
      const res = await rawCall(emu().url, c.operation, c.body);
      assert.equal(res.status, 400, res.text);
      const body = res.json();
      assert.equal(body.__type, 'ValidationException');
      assertCoral(String(body.Message), c.member, c.constraint);
    });
  }

  it('reports every violation of one request, counted', async function () {
    const e = await rejection(conn.client.send(new ListImageVersionsCommand(loose({ MaxResults: 0, SortOrder: 'UP' }))));
    assert.match(e.message, /^3 validation errors detected: /);
    assertCoral(e.message, 'imageName', 'Member must not be null');
    assertCoral(e.message, 'maxResults', 'greater than or equal to 1');
    assertCoral(e.message, 'sortOrder', 'enum value set');
  });

  it('accepts the range bounds MaxResults 1 and 100, and stays up after every rejection', async function () {
    const one = await conn.client.send(new ListImageVersionsCommand({ ImageName: 'valid-image', MaxResults: 1 }));
    assert.equal(one.ImageVersions?.length, 1);
    const hundred = await conn.client.send(new ListImagesCommand({ MaxResults: 100 }));
    assert.equal(hundred.Images?.length, 1);
    // No request above crashed the emulator into a 500.
    assert.deepEqual(
      emu()
        .calls()
        .filter((c) => c.status >= 500),
      [],
    );
  });
});
