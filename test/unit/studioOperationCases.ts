/**
 * The Studio entries' cases of the operation-table test (operationTable.unit.test.ts), in their
 * own file so that the image and the Studio halves of the table can grow apart; typed by
 * StudioOperations, so a Studio entry added without a case fails to compile. STUDIO_CASE_SEED is
 * what the valid inputs find.
 */
import * as assert from 'node:assert/strict';
import type { StudioOperations, StudioOperationName } from '../../src/model/studioTypes';
import type { StudioSeedSpec } from '../emulator/studioFixtures';

export interface StudioCase<K extends StudioOperationName> {
  wire: string;
  valid: StudioOperations[K]['input'];
  check(output: StudioOperations[K]['output']): void;
  invalid: StudioOperations[K]['input'];
}

const DOMAIN = 'd-tablecase01';

export const STUDIO_CASE_SEED: StudioSeedSpec = {
  domains: [
    {
      id: DOMAIN,
      name: 'table-domain',
      defaultUser: { JupyterLab: [{ image: 'table-image' }] },
      userProfiles: [{ name: 'table-user', apps: { KernelGateway: [{ image: 'table-image', version: 2 }] } }],
      spaces: [{ name: 'table-space', kernelGatewayImages: [{ image: 'table-image', version: 1 }] }],
    },
  ],
};

export const STUDIO_CASES: { [K in StudioOperationName]: StudioCase<K> } = {
  listDomains: {
    wire: 'ListDomains',
    valid: { maxResults: 10 },
    check: (page) =>
      assert.deepEqual(
        page.items.map((d) => d.domainId),
        [DOMAIN],
      ),
    invalid: { maxResults: 101 },
  },
  describeDomain: {
    wire: 'DescribeDomain',
    valid: { domainId: DOMAIN },
    check: (d) => assert.deepEqual(d.references, [{ imageName: 'table-image', appType: 'JupyterLab', scope: 'domainDefaultUser' }]),
    invalid: { domainId: 'x-not-a-domain' },
  },
  listUserProfiles: {
    wire: 'ListUserProfiles',
    valid: { domainId: DOMAIN },
    check: (page) =>
      assert.deepEqual(
        page.items.map((p) => p.userProfileName),
        ['table-user'],
      ),
    invalid: { domainId: DOMAIN, nextToken: 'x'.repeat(8193) },
  },
  describeUserProfile: {
    wire: 'DescribeUserProfile',
    valid: { domainId: DOMAIN, userProfileName: 'table-user' },
    check: (p) =>
      assert.deepEqual(p.references, [{ imageName: 'table-image', version: 2, appType: 'KernelGateway', scope: 'userProfile' }]),
    invalid: { domainId: DOMAIN, userProfileName: '-starts-with-hyphen' },
  },
  listSpaces: {
    wire: 'ListSpaces',
    valid: { domainId: DOMAIN, maxResults: 1 },
    check: (page) =>
      assert.deepEqual(
        page.items.map((s) => s.spaceName),
        ['table-space'],
      ),
    invalid: { domainId: 'D-UPPER' },
  },
  describeSpace: {
    wire: 'DescribeSpace',
    valid: { domainId: DOMAIN, spaceName: 'table-space' },
    check: (s) => assert.deepEqual(s.references, [{ imageName: 'table-image', version: 1, appType: 'KernelGateway', scope: 'space' }]),
    invalid: { domainId: DOMAIN, spaceName: 'a'.repeat(64) },
  },
};
