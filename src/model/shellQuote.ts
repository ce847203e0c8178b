/**
 * The one place a profile name becomes part of a command a person pastes into a terminal (Copy
 * SSO Login Command, the SSO error's text, the error tooltip). The name comes from AWS_PROFILE or a
 * config file, so it can hold anything: pasted raw, `dev; curl … | sh #` runs a second command and
 * `my team` breaks the first. A name is written so that bash, zsh and PowerShell all run exactly
 * `aws sso login --profile <name>`, or it is refused with a reason; there is no middle ground of a
 * command that works in one shell only.
 *
 * Rules, from the shells' grammars:
 * - Bare (no quotes) only for a letter followed by letters, digits, `.`, `_`, `-`: no shell expands
 *   these. A leading letter matters for PowerShell, which reads `-x.y` as two arguments and a leading
 *   digit as a number literal in argument mode.
 * - Anything else printable goes in single quotes, which are literal in all three (bash and zsh: up
 *   to the next `'`; PowerShell: up to the next `'`, `‘`, `’`, `‚` or `‛`).
 * - Refused: `'` (ends the quotes everywhere), `"` and `\` (Windows PowerShell re-quotes native
 *   arguments without escaping them, so the CLI would see a different argv), `` ` `` and `$` (the
 *   escape and variable characters of PowerShell and POSIX shells: literal inside single quotes, but a
 *   name that depends on that is one edit away from running code), line breaks and other control
 *   characters (a pasted newline runs what precedes it), and anything outside printable ASCII
 *   (PowerShell treats the typographic quotes ‘ ’ ‚ ‛ “ ” „ and dashes – — ― as their ASCII forms, and
 *   invisible or bidirectional characters make the shown command differ from what runs).
 * Linear: one pass over at most MAX_PROFILE_NAME characters.
 *
 * vscode-free and SDK-free, so every bundle can use it; its reasons go through l10n.
 */
import { l10n } from './l10n';

export type ShellCommand = { ok: true; command: string } | { ok: false; message: string };

/** The same limit as the profile setting (src/model/settings.ts). */
export const MAX_PROFILE_NAME = 128;

function isBareChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Why each refused ASCII character is refused; functions, so the reason is localized when it is made. */
const REFUSED_ASCII: Record<string, () => string> = {
  "'": () => l10n.t('the profile name holds a single quote'),
  '"': () => l10n.t('the profile name holds a double quote'),
  '\\': () => l10n.t('the profile name holds a backslash'),
  '`': () => l10n.t('the profile name holds a backtick'),
  $: () => l10n.t('the profile name holds a dollar sign'),
};

/** Why `name` cannot be pasted safely, or undefined when it can. */
function refusal(name: string): string | undefined {
  if (name.length === 0) return l10n.t('the profile name is empty');
  if (name.length > MAX_PROFILE_NAME) return l10n.t('the profile name is longer than {0} characters', MAX_PROFILE_NAME);
  for (const ch of name) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x0a || c === 0x0d) return l10n.t('the profile name holds a line break');
    if (c < 0x20 || c === 0x7f) return l10n.t('the profile name holds a control character');
    // Named by code point, never shown: it may be a bidirectional override or an invisible one.
    if (c > 0x7e)
      return l10n.t(
        'the profile name holds U+{0}, a character outside printable ASCII that PowerShell or the terminal may read differently',
        c.toString(16).toUpperCase().padStart(4, '0'),
      );
    const why = REFUSED_ASCII[ch];
    if (why !== undefined) return why();
  }
  return undefined;
}

/**
 * `name` as one shell word that bash, zsh and PowerShell all read back as exactly `name`, or a
 * reason it cannot be.
 */
export function quoteShellWord(name: string): { ok: true; word: string } | { ok: false; message: string } {
  const why = refusal(name);
  if (why !== undefined) return { ok: false, message: l10n.t('{0}, so it cannot be pasted into bash, zsh and PowerShell safely', why) };
  let bare = isLetter(name.charCodeAt(0));
  for (let i = 1; bare && i < name.length; i++) bare = isBareChar(name.charCodeAt(i));
  return { ok: true, word: bare ? name : `'${name}'` };
}

/**
 * The `aws sso login --profile <name>` to paste for `profile`, quoted for bash, zsh and
 * PowerShell; `ok: false` with a reason for a name that cannot be quoted safely for all three.
 */
export function ssoLoginCommand(profile: string): ShellCommand {
  const q = quoteShellWord(profile);
  if (!q.ok)
    return {
      ok: false,
      message: l10n.t('No login command is offered for this profile: {0}. Run aws sso login for it in a terminal yourself.', q.message),
    };
  return { ok: true, command: `aws sso login --profile ${q.word}` };
}
