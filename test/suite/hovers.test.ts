/**
 * ARN hovers (issue 9) in the real host: Terraform and JSON files holding image-version ARNs,
 * `vscode.executeHoverProvider` at and around them, and the emulator's request log for what each
 * hover costs.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { SageMakerEmulator } from '../emulator/server';
import { containerImageFor, imageArn, imageVersionArn } from '../emulator/store';
import { activateExtension, resetSettings, setSetting, settled, startCounting, useEndpoint } from './helpers';

/** The text of our hovers at a position (other providers, e.g. JSON's, are left out). */
async function sageMakerHovers(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .filter((text) => text.includes('SageMaker'));
}

describe('ARN hovers', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  let dir: string;
  let terraform: vscode.Uri;
  let json: vscode.Uri;
  const created = imageVersionArn('us-east-1', 'hv-kernel', 2);
  const failed = imageVersionArn('us-east-1', 'hv-kernel', 3);
  const europe = imageVersionArn('eu-west-1', 'hv-europe', 1);

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        {
          name: 'hv-kernel',
          displayName: 'Hover kernel',
          versions: [
            { aliases: ['old'] },
            { aliases: ['stable', 'prod'] },
            { status: 'CREATE_FAILED', failureReason: 'Image pull failed' },
          ],
        },
      ],
    });
    emulator.seed({ region: 'eu-west-1', images: [{ name: 'hv-europe', versions: 1 }] });
    api = await activateExtension();
    // Hovers are about editors: keep the Images view (and its row tooltips) off screen.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await useEndpoint(emulator.url);
    await setSetting('region', 'us-east-1');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'smiv-hover-'));
    terraform = vscode.Uri.file(path.join(dir, 'main.tf'));
    await fs.writeFile(
      terraform.fsPath,
      [
        'resource "aws_sagemaker_app_image_config" "kernel" {',
        `  image_version_arn = "${created}"`,
        `  failed_arn        = "${failed}"`,
        `  missing_arn       = "${imageVersionArn('us-east-1', 'hv-kernel', 99)}"`,
        `  europe_arn        = "${europe}"`,
        '  malformed_arn     = "arn:aws:sagemaker:us-east-1:12345678901:image-version/hv-kernel/2"',
        '  other_account     = "arn:aws:sagemaker:us-east-1:111111111111:image-version/hv-kernel/2"',
        '  unknown_region    = "arn:aws:sagemaker:xx-nowhere-9:123456789012:image-version/hv-kernel/2"',
        `  image_arn         = "${imageArn('us-east-1', 'hv-kernel')}"`,
        '}',
        '',
      ].join('\n'),
    );
    json = vscode.Uri.file(path.join(dir, 'domain.json'));
    await fs.writeFile(
      json.fsPath,
      `{\n  "DefaultUserSettings": {\n    "KernelGatewayAppSettings": {\n      "CustomImages": [{ "ImageName": "hv-kernel", "ImageVersionArn": "${created}" }]\n    }\n  }\n}\n`,
    );
  });

  /**
   * The calls this suite's hovers made: about hv-* images. (The Images view of an earlier suite
   * may still be on screen and resolve a row's tooltip through the same endpoint.)
   */
  function calls(operation?: string) {
    return emulator.calls(operation).filter((c) => String(c.params.ImageName ?? '').startsWith('hv-'));
  }

  beforeEach(async () => {
    api.hovers.details.forget();
    emulator.faults.clear();
    await startCounting(emulator);
  });

  after(async () => {
    await resetSettings('hovers.enabled', 'region', 'endpoint');
    await emulator.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** The position of the middle of `needle` on the line that holds it. */
  async function at(uri: vscode.Uri, needle: string): Promise<vscode.Position> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const offset = doc.getText().indexOf(needle);
    assert.ok(offset >= 0, `${needle} is not in ${uri.fsPath}`);
    return doc.positionAt(offset + Math.floor(needle.length / 2));
  }

  it('a Terraform file: the status, dates, container image and aliases of a version ARN', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, created));
    assert.ok(text, 'a hover');
    assert.match(text, /\$\(pass\) \*\*CREATED\*\*/);
    assert.ok(text.includes(containerImageFor('us-east-1', 'hv-kernel', 2)));
    assert.match(text, /`stable`, `prod`/);
    assert.match(text, /Created: /);
    assert.match(text, /command:sagemakerImages\.revealArn/);
    assert.match(text, /command:sagemakerImages\.copyVersionArn/);
    assert.match(text, /command:sagemakerImages\.copyContainerImageUri/);
    assert.match(text, /command:sagemakerImages\.openInConsole/);
    await settled(emulator);
    assert.deepEqual(
      calls('DescribeImageVersion').map((c) => [c.region, c.params]),
      [['us-east-1', { ImageName: 'hv-kernel', Version: 2 }]],
    );
  });

  it('a JSON file: the same ARN, and two hovers within 60 s make one DescribeImageVersion call', async () => {
    const position = await at(json, created);
    const [first] = await sageMakerHovers(json, position);
    const [second] = await sageMakerHovers(json, position);
    assert.ok(first.includes(containerImageFor('us-east-1', 'hv-kernel', 2)));
    assert.equal(second, first);
    await settled(emulator);
    assert.equal(calls('DescribeImageVersion').length, 1);
    assert.equal(calls('ListAliases').length, 1);
  });

  it('a failed version shows its failure reason', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, failed));
    assert.match(text, /\$\(error\) \*\*CREATE_FAILED\*\*/);
    assert.match(text, /Image pull failed/);
  });

  it('a version that does not exist says so plainly', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, 'hv-kernel/99'));
    assert.match(text, /Version 99 of hv-kernel does not exist in us-east-1/);
  });

  it('an image ARN shows the image’s status, display name and latest version', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, imageArn('us-east-1', 'hv-kernel')));
    assert.match(text, /CREATED/);
    assert.match(text, /Hover kernel/);
    assert.match(text, /Latest version: 3/);
    await settled(emulator);
    assert.deepEqual(
      calls('DescribeImage').map((c) => c.params),
      [{ ImageName: 'hv-kernel' }],
    );
  });

  it('a position outside any ARN, and a malformed ARN, make no call', async () => {
    assert.deepEqual(await sageMakerHovers(terraform, await at(terraform, 'aws_sagemaker_app_image_config')), []);
    assert.deepEqual(await sageMakerHovers(terraform, await at(terraform, '12345678901:image-version')), []);
    await settled(emulator);
    assert.deepEqual(calls(), []);
  });

  it('a version in another region is described in that region', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, europe));
    assert.ok(text.includes(containerImageFor('eu-west-1', 'hv-europe', 1)));
    await settled(emulator);
    assert.deepEqual(
      calls('DescribeImageVersion').map((c) => c.region),
      ['eu-west-1'],
    );
  });

  it('an ARN of another account is not passed off as this account’s version', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, '111111111111:image-version'));
    assert.match(text, /names account 111111111111; the profile reads account 123456789012/);
    assert.ok(!text.includes('dkr.ecr'), 'no container image of the other account');
  });

  it('an ARN in a region SageMaker does not serve makes no call', async () => {
    const [text] = await sageMakerHovers(terraform, await at(terraform, 'xx-nowhere-9'));
    assert.match(text, /not a region SageMaker serves/);
    await settled(emulator);
    assert.deepEqual(calls(), []);
  });

  it('an error is one line in the hover', async () => {
    emulator.addFault({
      kind: 'error',
      operation: 'DescribeImageVersion',
      status: 400,
      code: 'AccessDeniedException',
      message: 'not allowed',
    });
    const [text] = await sageMakerHovers(terraform, await at(terraform, created));
    assert.match(text, /\$\(warning\) .*sagemaker:DescribeImageVersion/);
  });

  it('sagemakerImages.hovers.enabled = false turns hovers off', async () => {
    await setSetting('hovers.enabled', false);
    try {
      assert.deepEqual(await sageMakerHovers(terraform, await at(terraform, created)), []);
      await settled(emulator);
      assert.deepEqual(calls(), []);
    } finally {
      await resetSettings('hovers.enabled');
    }
  });
});
