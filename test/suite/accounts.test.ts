/**
 * Profiles, regions and endpoints in the real host, with temporary shared config and credentials
 * files: keys, a role, an SSO profile, and a profile whose endpoint_url points at a second
 * emulator seeded with different images. Asserted on what the tree shows and on both emulators'
 * request logs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsError } from '../../src/model/errors';
import { listProfiles } from '../../src/aws/profiles';
import type { ExtensionApi } from '../../src/extension';
import type { ErrorNode, ImageNode, Node } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, labelOf, setSetting, settled, startCounting, waitFor } from './helpers';

const SECRET_A = 'accounts-secret-key-AAAAAAAAAAAAAAAAAAAAAAA';
const SECRET_B = 'accounts-secret-key-BBBBBBBBBBBBBBBBBBBBBBB';

describe('profiles, regions and endpoints', () => {
  let api: ExtensionApi;
  let a: SageMakerEmulator;
  let b: SageMakerEmulator;
  let workspaceTarget: SageMakerEmulator;
  let tmp: string;
  const saved: Record<string, string | undefined> = {};

  const roots = async () => (await api.tree.getChildren()).map((n: Node) => labelOf(api, n));

  before(async () => {
    a = new SageMakerEmulator();
    b = new SageMakerEmulator();
    workspaceTarget = new SageMakerEmulator();
    await Promise.all([a.start(), b.start(), workspaceTarget.start()]);
    a.seed({ images: [{ name: 'alpha-image', versions: 2 }] });
    a.seed({ region: 'eu-west-1', images: [{ name: 'alpha-eu-image', versions: 1 }] });
    b.seed({
      images: [
        { name: 'beta-image', versions: 1 },
        { name: 'beta-other', versions: 0 },
      ],
    });
    workspaceTarget.seed({ images: [{ name: 'must-not-be-listed' }] });

    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smiv-accounts-'));
    fs.writeFileSync(
      path.join(tmp, 'config'),
      [
        '[default]',
        'region = us-east-1',
        `endpoint_url = ${a.url}`,
        '[profile keys-profile]',
        'region = eu-west-1',
        `endpoint_url = ${a.url}`,
        '[profile role-profile]',
        'role_arn = arn:aws:iam::123456789012:role/ImagesReader',
        'source_profile = keys-profile',
        'region = us-west-2',
        '[profile sso-profile]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnly',
        'region = us-east-1',
        `endpoint_url = ${a.url}`,
        '[sso-session corp]',
        'sso_start_url = https://corp.example.invalid/start',
        'sso_region = us-east-1',
        '[profile other-endpoint]',
        'region = us-east-1',
        `endpoint_url = ${b.url}`,
        '[profile no-credentials]',
        'region = us-east-1',
        `endpoint_url = ${a.url}`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(tmp, 'credentials'),
      [
        '[default]',
        'aws_access_key_id = AKIDACCOUNTSDEFAULT1',
        `aws_secret_access_key = ${SECRET_A}`,
        '[keys-profile]',
        'aws_access_key_id = AKIDACCOUNTSKEYS0001',
        `aws_secret_access_key = ${SECRET_A}`,
        '[other-endpoint]',
        'aws_access_key_id = AKIDACCOUNTSOTHER001',
        `aws_secret_access_key = ${SECRET_B}`,
        'aws_session_token = accounts-session-token-ZZZZZZZZZZZZ',
        '',
      ].join('\n'),
    );
    for (const k of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION']) saved[k] = process.env[k];
    process.env.AWS_CONFIG_FILE = path.join(tmp, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(tmp, 'credentials');
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_REGION;
    api = await activateExtension();
    await setSetting('endpoint', undefined);
    await setSetting('region', undefined);
    await setSetting('profile', undefined);
    await api.settled();
    api.tree.refresh();
  });

  after(async () => {
    await setSetting('profile', undefined);
    await setSetting('region', undefined);
    await api.settled();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    await Promise.all([a.stop(), b.stop(), workspaceTarget.stop()]);
    api.tree.refresh();
  });

  async function useProfile(name: string | undefined): Promise<void> {
    await setSetting('profile', name);
    await api.settled();
    await waitFor(() => api.session.settings.profile === name, `profile ${name}`);
  }

  it('lists every profile with its kind and region, from the files AWS_CONFIG_FILE names', async () => {
    const profiles = await listProfiles();
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    assert.equal(byName['default'].kind, 'keys');
    assert.equal(byName['keys-profile'].kind, 'keys');
    assert.equal(byName['keys-profile'].region, 'eu-west-1');
    assert.equal(byName['role-profile'].kind, 'role');
    assert.equal(byName['sso-profile'].kind, 'sso');
    assert.equal(byName['other-endpoint'].endpointUrl, b.url);
    assert.equal(byName['corp'], undefined, 'an sso-session section is not a profile');
  });

  it('uses the default profile’s endpoint_url, then switches to another profile’s emulator', async () => {
    api.tree.refresh();
    assert.deepEqual(await roots(), ['alpha-image']);
    await startCounting(a);
    await useProfile('other-endpoint');
    assert.deepEqual(await roots(), ['beta-image', 'beta-other']);
    await settled(a);
    assert.equal(a.calls().length, 0, 'nothing went to the old profile’s endpoint');
    await vscode.commands.executeCommand('sagemakerImages.images.focus');
    await waitFor(
      () => api.statusBar.text.includes('other-endpoint · us-east-1 $(plug)'),
      'the status bar to name the profile, region and endpoint',
    );
  });

  it('switching region changes the signed region and the ARNs', async () => {
    await useProfile(undefined);
    await setSetting('region', 'eu-west-1');
    await api.settled();
    await startCounting(a);
    const nodes = await api.tree.getChildren();
    const image = nodes[0] as ImageNode;
    assert.equal(image.image.imageName, 'alpha-eu-image');
    assert.match(image.image.imageArn, /^arn:aws:sagemaker:eu-west-1:/);
    await settled(a);
    assert.equal(a.calls('ListImages')[0].region, 'eu-west-1');
    await waitFor(() => (api.view.description ?? '').startsWith('eu-west-1'), 'the view description to show the region');
    await setSetting('region', undefined);
    await api.settled();
  });

  it('a request slowed down under the old profile never shows up after the switch', async () => {
    await useProfile(undefined);
    api.tree.refresh();
    a.addFault({ kind: 'delay', delayMs: 1500, operation: 'ListImages' });
    const slow = api.tree.getChildren();
    await waitFor(() => a.calls('ListImages').length > 0, 'the slow call');
    await useProfile('other-endpoint');
    const fresh = await roots();
    await slow;
    await settled(a); // the delayed answer has been sent (or dropped) by now
    assert.deepEqual(fresh, ['beta-image', 'beta-other']);
    assert.deepEqual(await roots(), ['beta-image', 'beta-other'], 'the old profile’s page never landed');
  });

  it('refuses a profile that does not exist and keeps the previous settings', async () => {
    await useProfile('other-endpoint');
    await setSetting('profile', 'no-such-profile');
    await api.settled();
    assert.equal(api.session.settings.profile, 'other-endpoint');
    await setSetting('profile', 'other-endpoint');
    await api.settled();
  });

  it('refuses an unknown region and keeps the previous one', async () => {
    await useProfile(undefined);
    await setSetting('region', 'xx-nowhere-9');
    await api.settled();
    assert.equal(api.session.settings.region, undefined);
    await setSetting('region', undefined);
  });

  it('an SSO profile without a session says so and offers the exact aws sso login command', async () => {
    await useProfile('sso-profile');
    const nodes = await api.tree.getChildren();
    const error = nodes.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(error, `expected an error node, got ${nodes.map((n) => labelOf(api, n)).join(', ')}`);
    assert.equal(awsErrorOf(error.error).kind, 'expiredCredentials');
    assert.equal(api.tree.getTreeItem(error).contextValue, 'sagemakerImages.error.ssoLogin');
    assert.match(labelOf(api, error), /SSO session of profile “sso-profile”/);
    await vscode.commands.executeCommand('sagemakerImages.copySsoLoginCommand', error);
    assert.equal(await vscode.env.clipboard.readText(), 'aws sso login --profile sso-profile');
  });

  it('with no credentials at all the tree is empty so the view shows its welcome', async () => {
    await useProfile('no-credentials');
    const nodes = await api.tree.getChildren();
    assert.deepEqual(nodes, []);
    assert.equal(awsErrorOf(api.tree.rootError).kind, 'noCredentials');
    const pkg = vscode.extensions.getExtension('sagemaker-image-versions.sagemaker-image-versions')!.packageJSON as {
      contributes: { viewsWelcome: { view: string; when: string; contents: string }[] };
    };
    const welcome = pkg.contributes.viewsWelcome.find((w) => w.when === 'sagemakerImages.noCredentials');
    assert.ok(welcome?.contents.includes('command:sagemakerImages.selectProfile'));
  });

  it('ignores a workspace-level endpoint (machine scope)', async () => {
    await useProfile(undefined);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host opened a workspace folder');
    const dir = path.join(folder.uri.fsPath, '.vscode');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'sagemakerImages.endpoint': workspaceTarget.url }));
    try {
      // A window for something that must not happen: VS Code reads the file, and the extension must
      // ignore it (a machine-scoped value is never reported to it, so there is no event to wait for).
      await new Promise((r) => setTimeout(r, 1000));
      await api.settled();
      api.tree.refresh();
      assert.deepEqual(await roots(), ['alpha-image']);
      await settled(workspaceTarget);
      assert.equal(workspaceTarget.calls().length, 0, 'the workspace’s endpoint received a request');
      assert.equal(api.session.settings.endpoint, undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes credentials, session tokens or signed headers to the log', () => {
    const log = api.recentLog().join('\n');
    assert.ok(log.length > 0, 'the log has lines');
    for (const secret of [
      SECRET_A,
      SECRET_B,
      'accounts-session-token',
      'AKIDACCOUNTS',
      'AKIDHOSTTEST',
      'host-test-secret',
      'Authorization',
      'AWS4-HMAC-SHA256',
      'Signature=',
      'X-Amz-Security-Token',
    ]) {
      assert.ok(!log.includes(secret), `the log contains ${secret}`);
    }
  });
});

/**
 * The AwsError the extension made. Its class is dist/model.js's, not the copy this suite compiled
 * (out/src/model/errors.js), so `instanceof` cannot tell: check the shape instead.
 */
function awsErrorOf(e: unknown): AwsError {
  assert.ok(
    e instanceof Error && e.name === 'AwsError' && typeof (e as AwsError).kind === 'string',
    `expected an AwsError, got ${String(e)}`,
  );
  return e as AwsError;
}
