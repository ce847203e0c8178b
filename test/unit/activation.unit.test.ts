/**
 * Activation must not load the AWS SDK, the tree or the command handlers: each is required on first use. Checked in a fresh Node
 * process (other tests in this one load the SDK) with a stand-in `vscode`, by looking at the
 * module cache after activate() and again after the first call.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const outRoot = path.resolve(__dirname, '..', '..');

const probe = `
const { installVscodeStub, fakeExtensionContext } = require(${JSON.stringify(path.join(outRoot, '..', 'test', 'support', 'vscodeStub.js'))});
installVscodeStub();
const sdk = () => Object.keys(require.cache).filter((f) => f.includes('/@aws-sdk/') || f.endsWith('/src/aws/index.js')).length;
const ext = require(${JSON.stringify(path.join(outRoot, 'src', 'extension', 'index.js'))});
const handlers = () => Object.keys(require.cache).filter((f) => f.endsWith('/src/commands/index.js')).length;
const treeModules = () => Object.keys(require.cache).filter((f) => f.includes('/src/tree/')).length;
const api = ext.activate(fakeExtensionContext());
const afterActivate = sdk();
const handlersAtActivation = handlers();
const treeAtActivation = treeModules();
void api.tree;
const treeOnFirstUse = treeModules();
api.session.region().then((region) => {
  process.stdout.write(JSON.stringify({ afterActivate, afterFirstCall: sdk(), region, handlersAtActivation, treeAtActivation, treeOnFirstUse }));
  api.session.dispose();
});
`;

describe('activation', () => {
  it('does not load the AWS SDK, the tree or the handlers; the first use of each does', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_REGION: 'eu-west-2',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    };
    delete env.AWS_PROFILE;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8', env })) as {
      afterActivate: number;
      afterFirstCall: number;
      region: string;
      handlersAtActivation: number;
      treeAtActivation: number;
      treeOnFirstUse: number;
    };
    assert.equal(result.afterActivate, 0, 'activation loaded SDK modules');
    assert.equal(result.handlersAtActivation, 0, 'activation loaded the command handlers');
    assert.equal(result.treeAtActivation, 0, 'activation loaded the tree');
    assert.ok(result.treeOnFirstUse > 0, 'the first use of the tree did not load it');
    assert.ok(result.afterFirstCall > 0, 'the first call did not load the SDK');
    assert.equal(result.region, 'eu-west-2', 'region resolved from AWS_REGION when nothing else is set');
  });
});
