/**
 * The emulator's six Studio operations through the real @aws-sdk/client-sagemaker (no src/ code
 * in between, so these pin the emulator to the service's contract): shapes and timestamps as the
 * model has them, CustomImages at every `whereImagesAreReferenced` path, paging with tokens bound
 * to their request, MaxResults and id validation in Coral's words, ResourceNotFound for unknown
 * domains, profiles and spaces, the fault rules on these operations, the demo fixture's
 * integrity against the demo images, and the Studio control routes.
 */
import * as assert from 'node:assert/strict';
import {
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListDomainsCommand,
  ListSpacesCommand,
  ListUserProfilesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ACCESS_KEY_ID, assertCoral, control, rawCall, SECRET_ACCESS_KEY, useEmulator } from './helpers';
import { syntheticStudioSpec } from '../emulator/studioFixtures';

const D1 = 'd-contract0001';
const D2 = 'd-contract0002';

function client(url: string, maxAttempts = 1): SageMakerClient {
  return new SageMakerClient({
    region: 'us-east-1',
    endpoint: url,
    maxAttempts,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  });
}

async function serviceError(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  assert.fail('expected a service error');
}

describe('emulator: Studio operations through the real SDK', function () {
  const emu = useEmulator('empty');
  let sm: SageMakerClient;

  before(function () {
    emu().seedStudio({
      domains: [
        {
          id: D1,
          name: 'contract-one',
          createdAt: Date.parse('2025-01-01T00:00:00.250Z'),
          defaultUser: {
            KernelGateway: [{ image: 'img-a', version: 3 }],
            JupyterLab: [{ image: 'img-b' }],
            CodeEditor: [{ image: 'img-c', version: 1, appImageConfig: 'code-config' }],
            RSession: [{ image: 'img-r' }],
          },
          defaultSpace: { KernelGateway: [{ image: 'img-a' }], JupyterLab: [{ image: 'img-b', version: 2 }] },
          userProfiles: [
            { name: 'alice', apps: { JupyterLab: [{ image: 'img-a', version: 1 }] } },
            { name: 'bob' },
            { name: 'carol', apps: { RSession: [{ image: 'img-r', version: 4 }] } },
          ],
          spaces: [
            { name: 'private-one', owner: 'alice', kernelGatewayImages: [{ image: 'img-a', version: 2 }] },
            { name: 'shared-one', displayName: 'Shared', appType: 'JupyterLab' },
          ],
        },
        { id: D2, name: 'contract-two', createdAt: Date.parse('2025-02-01T00:00:00.000Z'), userProfiles: [{ name: 'dave' }] },
      ],
    });
    sm = client(emu().url);
  });
  after(() => sm.destroy());
  beforeEach(function () {
    emu().clearRequests();
    emu().faults.clear();
  });

  it('ListDomains answers DomainDetails with Dates and ARNs of the model’s pattern, newest first', async function () {
    const out = await sm.send(new ListDomainsCommand({}));
    assert.deepEqual(
      out.Domains?.map((d) => d.DomainId),
      [D2, D1],
    );
    const one = out.Domains?.[1];
    assert.equal(one?.DomainName, 'contract-one');
    assert.equal(one?.Status, 'InService');
    assert.ok(one?.CreationTime instanceof Date);
    assert.equal(one?.CreationTime.toISOString(), '2025-01-01T00:00:00.250Z');
    assert.match(String(one?.DomainArn), /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:domain\/d-contract0001$/);
    assert.equal(out.NextToken, undefined);
  });

  it('DescribeDomain holds CustomImages at all six paths of the model, ImageVersionNumber only when pinned', async function () {
    const d = await sm.send(new DescribeDomainCommand({ DomainId: D1 }));
    assert.equal(d.DomainId, D1);
    assert.deepEqual(d.DefaultUserSettings?.KernelGatewayAppSettings?.CustomImages, [
      { ImageName: 'img-a', ImageVersionNumber: 3, AppImageConfigName: 'img-a-config' },
    ]);
    assert.deepEqual(d.DefaultUserSettings?.JupyterLabAppSettings?.CustomImages, [
      { ImageName: 'img-b', AppImageConfigName: 'img-b-config' },
    ]);
    assert.deepEqual(d.DefaultUserSettings?.CodeEditorAppSettings?.CustomImages, [
      { ImageName: 'img-c', ImageVersionNumber: 1, AppImageConfigName: 'code-config' },
    ]);
    assert.deepEqual(d.DefaultUserSettings?.RSessionAppSettings?.CustomImages, [
      { ImageName: 'img-r', AppImageConfigName: 'img-r-config' },
    ]);
    assert.deepEqual(d.DefaultSpaceSettings?.KernelGatewayAppSettings?.CustomImages, [
      { ImageName: 'img-a', AppImageConfigName: 'img-a-config' },
    ]);
    assert.deepEqual(d.DefaultSpaceSettings?.JupyterLabAppSettings?.CustomImages, [
      { ImageName: 'img-b', ImageVersionNumber: 2, AppImageConfigName: 'img-b-config' },
    ]);
    assert.ok(d.LastModifiedTime instanceof Date);
  });

  it('ListUserProfiles filters by DomainIdEquals and sorts as asked; DescribeUserProfile holds UserSettings', async function () {
    const mine = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: D1, SortBy: 'CreationTime', SortOrder: 'Ascending' }));
    assert.deepEqual(
      mine.UserProfiles?.map((p) => [p.DomainId, p.UserProfileName, p.Status]),
      [
        [D1, 'alice', 'InService'],
        [D1, 'bob', 'InService'],
        [D1, 'carol', 'InService'],
      ],
    );
    const all = await sm.send(new ListUserProfilesCommand({}));
    assert.equal(all.UserProfiles?.length, 4, 'without DomainIdEquals, every domain’s profiles');
    const named = await sm.send(new ListUserProfilesCommand({ UserProfileNameContains: 'aro' }));
    assert.deepEqual(
      named.UserProfiles?.map((p) => p.UserProfileName),
      ['carol'],
    );
    const alice = await sm.send(new DescribeUserProfileCommand({ DomainId: D1, UserProfileName: 'alice' }));
    assert.match(String(alice.UserProfileArn), /:user-profile\/d-contract0001\/alice$/);
    assert.deepEqual(alice.UserSettings?.JupyterLabAppSettings?.CustomImages, [
      { ImageName: 'img-a', ImageVersionNumber: 1, AppImageConfigName: 'img-a-config' },
    ]);
    const bob = await sm.send(new DescribeUserProfileCommand({ DomainId: D1, UserProfileName: 'bob' }));
    assert.equal(bob.UserSettings?.KernelGatewayAppSettings, undefined, 'no app settings where none were seeded');
  });

  it('ListSpaces summarises sharing and ownership; DescribeSpace holds SpaceSettings.KernelGatewayAppSettings', async function () {
    const out = await sm.send(new ListSpacesCommand({ DomainIdEquals: D1, SortOrder: 'Ascending' }));
    assert.deepEqual(
      out.Spaces?.map((s) => [s.SpaceName, s.SpaceSharingSettingsSummary?.SharingType, s.OwnershipSettingsSummary?.OwnerUserProfileName]),
      [
        ['private-one', 'Private', 'alice'],
        ['shared-one', 'Shared', undefined],
      ],
    );
    const s = await sm.send(new DescribeSpaceCommand({ DomainId: D1, SpaceName: 'private-one' }));
    assert.match(String(s.SpaceArn), /:space\/d-contract0001\/private-one$/);
    assert.equal(s.SpaceSettings?.AppType, 'KernelGateway');
    assert.deepEqual(s.SpaceSettings?.KernelGatewayAppSettings?.CustomImages, [
      { ImageName: 'img-a', ImageVersionNumber: 2, AppImageConfigName: 'img-a-config' },
    ]);
    assert.equal(s.OwnershipSettings?.OwnerUserProfileName, 'alice');
  });

  it('pages with tokens bound to their request: another domain, operation or filter is refused', async function () {
    const first = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: D1, MaxResults: 2 }));
    assert.equal(first.UserProfiles?.length, 2);
    assert.ok(first.NextToken);
    const second = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: D1, MaxResults: 2, NextToken: first.NextToken }));
    assert.equal(second.UserProfiles?.length, 1);
    assert.equal(second.NextToken, undefined);
    const names = [...(first.UserProfiles ?? []), ...(second.UserProfiles ?? [])].map((p) => p.UserProfileName).sort();
    assert.deepEqual(names, ['alice', 'bob', 'carol']);

    const otherDomain = await serviceError(sm.send(new ListUserProfilesCommand({ DomainIdEquals: D2, NextToken: first.NextToken })));
    assert.equal(otherDomain.name, 'ValidationException');
    assert.match(otherDomain.message, /belongs to a different request/);
    const otherOperation = await serviceError(sm.send(new ListSpacesCommand({ DomainIdEquals: D1, NextToken: first.NextToken })));
    assert.equal(otherOperation.name, 'ValidationException');
    const domains = await sm.send(new ListDomainsCommand({ MaxResults: 1 }));
    assert.ok(domains.NextToken);
    const forged = await serviceError(sm.send(new ListDomainsCommand({ NextToken: `${domains.NextToken}x` })));
    assert.equal(forged.name, 'ValidationException');
  });

  it('validates MaxResults and the ids in Coral’s words (the SDK sends them unchecked)', async function () {
    const zero = await serviceError(sm.send(new ListDomainsCommand({ MaxResults: 0 })));
    assert.equal(zero.name, 'ValidationException');
    assertCoral(zero.message, 'maxResults', 'Member must have value greater than or equal to 1');
    const big = await serviceError(sm.send(new ListSpacesCommand({ MaxResults: 101 })));
    assertCoral(big.message, 'maxResults', 'Member must have value less than or equal to 100');
    const badId = await serviceError(sm.send(new DescribeDomainCommand({ DomainId: 'domain-1' })));
    assertCoral(badId.message, 'domainId', 'Member must satisfy regular expression pattern');
    const badName = await serviceError(sm.send(new DescribeUserProfileCommand({ DomainId: D1, UserProfileName: 'has_underscore' })));
    assertCoral(badName.message, 'userProfileName', 'Member must satisfy regular expression pattern');
    const missing = await rawCall(emu().url, 'DescribeSpace', { DomainId: D1 });
    assert.equal(missing.status, 400);
    assertCoral(String(missing.json().Message), 'spaceName', 'Member must not be null');
  });

  it('answers ResourceNotFound for an unknown domain, profile or space', async function () {
    for (const [p, what] of [
      [sm.send(new DescribeDomainCommand({ DomainId: 'd-nosuchdomain' })), 'domain'],
      [sm.send(new DescribeUserProfileCommand({ DomainId: D1, UserProfileName: 'nobody' })), 'profile'],
      [sm.send(new DescribeUserProfileCommand({ DomainId: 'd-nosuchdomain', UserProfileName: 'alice' })), 'profile of unknown domain'],
      [sm.send(new DescribeSpaceCommand({ DomainId: D1, SpaceName: 'nowhere' })), 'space'],
    ] as const) {
      const e = await serviceError(p);
      assert.equal(e.name, 'ResourceNotFound', what);
      assert.equal(e.status, 400, what);
    }
    const empty = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: 'd-nosuchdomain' }));
    assert.deepEqual(empty.UserProfiles, [], 'a list filtered by an unknown domain is empty, not an error');
  });

  it('applies fault rules to these operations: AccessDenied for one operation, throttling retried by the SDK', async function () {
    emu().addFault({ kind: 'error', operation: 'DescribeUserProfile', code: 'AccessDeniedException', status: 400, times: 2 });
    const denied = await serviceError(sm.send(new DescribeUserProfileCommand({ DomainId: D1, UserProfileName: 'alice' })));
    assert.equal(denied.name, 'AccessDeniedException');
    const other = await sm.send(new DescribeSpaceCommand({ DomainId: D1, SpaceName: 'shared-one' }));
    assert.equal(other.SpaceName, 'shared-one', 'the rule is for DescribeUserProfile only');

    emu().faults.clear();
    emu().addFault({ kind: 'throttle', operation: 'ListSpaces', times: 2 });
    const retrying = client(emu().url, 3);
    try {
      const out = await retrying.send(new ListSpacesCommand({ DomainIdEquals: D1 }));
      assert.equal(out.Spaces?.length, 2);
    } finally {
      retrying.destroy();
    }
    assert.deepEqual(
      emu()
        .calls('ListSpaces')
        .map((c) => c.errorCode ?? 'ok'),
      ['ThrottlingException', 'ThrottlingException', 'ok'],
    );
  });

  it('control routes: synthetic account, delete, health counts and the in-flight high-water mark', async function () {
    const r = await control(emu().url, 'POST', '/_emulator/studio/synthetic', { domains: 2, profiles: 3, spaces: 2, region: 'eu-west-1' });
    assert.equal(r.status, 200, r.text);
    const eu = emu().studioRegion('eu-west-1');
    assert.deepEqual(eu.counts(), { domains: 2, userProfiles: 6, spaces: 4 });
    const del = await control(emu().url, 'POST', '/_emulator/studio/delete', {
      region: 'eu-west-1',
      domainId: 'd-synthetic0000',
      userProfileName: 'user-1',
    });
    assert.deepEqual(del.json(), { deleted: true });
    assert.equal(eu.counts().userProfiles, 5);
    const bad = await control(emu().url, 'POST', '/_emulator/studio/synthetic', { domains: -1, profiles: 1, spaces: 1 });
    assert.equal(bad.status, 400);
    const health = (await control(emu().url, 'GET', '/_emulator/health')).json();
    assert.equal(health.domains, 4);
    await Promise.all([1, 2, 3].map(() => sm.send(new ListDomainsCommand({}))));
    const activity = (await control(emu().url, 'GET', '/_emulator/activity')).json();
    assert.ok(Number(activity.peakInFlight) >= 1 && Number(activity.peakInFlight) <= 3, JSON.stringify(activity));
  });

  it('the synthetic spec has the shape asked for and references its images, pinned and latest', function () {
    const spec = syntheticStudioSpec({ domains: 3, profiles: 4, spaces: 5, images: ['x', 'y'] });
    assert.equal(spec.domains.length, 3);
    assert.ok(spec.domains.every((d) => d.userProfiles?.length === 4 && d.spaces?.length === 5));
    const refs = spec.domains.flatMap((d) => (d.userProfiles ?? []).flatMap((p) => Object.values(p.apps ?? {}).flat()));
    assert.ok(refs.some((r) => r?.version === undefined));
    assert.ok(refs.some((r) => r?.version !== undefined));
    assert.deepEqual([...new Set(refs.map((r) => r?.image))].sort(), ['x', 'y']);
  });
});

describe('emulator: the demo fixture’s Studio account', function () {
  const emu = useEmulator('demo');

  it('has two domains whose every reference names a demo image and, when pinned, one of its versions', async function () {
    const sm = client(emu().url);
    try {
      const domains = (await sm.send(new ListDomainsCommand({}))).Domains ?? [];
      assert.deepEqual(domains.map((d) => d.DomainName).sort(), ['ml-platform', 'research']);
      const refs: { ImageName?: string; ImageVersionNumber?: number }[] = [];
      let profiles = 0;
      let spaces = 0;
      for (const d of domains) {
        const desc = await sm.send(new DescribeDomainCommand({ DomainId: d.DomainId }));
        for (const s of [desc.DefaultUserSettings, desc.DefaultSpaceSettings])
          for (const app of [
            s?.KernelGatewayAppSettings,
            s?.JupyterLabAppSettings,
            (s as typeof desc.DefaultUserSettings)?.CodeEditorAppSettings,
          ])
            refs.push(...(app?.CustomImages ?? []));
        for (const p of (await sm.send(new ListUserProfilesCommand({ DomainIdEquals: d.DomainId }))).UserProfiles ?? []) {
          profiles++;
          const u = (await sm.send(new DescribeUserProfileCommand({ DomainId: d.DomainId, UserProfileName: p.UserProfileName })))
            .UserSettings;
          for (const app of [u?.KernelGatewayAppSettings, u?.JupyterLabAppSettings, u?.CodeEditorAppSettings, u?.RSessionAppSettings])
            refs.push(...(app?.CustomImages ?? []));
        }
        for (const s of (await sm.send(new ListSpacesCommand({ DomainIdEquals: d.DomainId }))).Spaces ?? []) {
          spaces++;
          const settings = (await sm.send(new DescribeSpaceCommand({ DomainId: d.DomainId, SpaceName: s.SpaceName }))).SpaceSettings;
          refs.push(...(settings?.KernelGatewayAppSettings?.CustomImages ?? []));
        }
      }
      assert.equal(profiles, 7);
      assert.equal(spaces, 4);
      assert.ok(
        refs.some((r) => r.ImageVersionNumber === undefined),
        'some references mean the latest',
      );
      assert.ok(
        refs.some((r) => r.ImageVersionNumber !== undefined),
        'some pin a version',
      );
      for (const r of refs) {
        const image = emu().region().images.get(String(r.ImageName));
        assert.ok(image, `demo image ${r.ImageName} exists`);
        if (r.ImageVersionNumber !== undefined)
          assert.ok(
            image.versions.some((v) => v.version === r.ImageVersionNumber),
            `${r.ImageName} has version ${r.ImageVersionNumber}`,
          );
      }
    } finally {
      sm.destroy();
    }
  });
});
