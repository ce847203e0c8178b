/**
 * The one renderer for outside text in Markdown. Image owners control BaseImage, ContainerImage,
 * ReleaseNotes, FailureReason, Description and DisplayName, and any endpoint controls its error
 * messages, codes, request ids and even "enum" members: every such string that goes into a
 * MarkdownString (tree tooltips, ARN hovers, error nodes, the status bar) goes through `mdText`
 * or `mdCode` here, so it renders as exactly that text and never as markup. The only markup in
 * those MarkdownStrings is the extension's own: its l10n strings, its `$(icon)`s and its command
 * links.
 *
 * How VS Code renders a MarkdownString (checked in code-server 4.100.3's workbench): marked with
 * GFM (so bare `https://…`, `www.…` and e-mail addresses autolink), HTML dropped unless
 * supportHtml, and, with supportThemeIcons, every `$(name)` left in marked's *HTML output* turned
 * into an icon — inside code spans too, and after marked has removed backslash escapes, so `\$\(`
 * still becomes an icon.
 *
 * Hence:
 * - text: `\`, backticks, `*`, `~`, brackets, parens, `!`, `<`, `>`, `&`, `|`, `#`, `+`, `=`, `.` and
 *   `@` are backslash-escaped wherever they are (CommonMark makes an escaped ASCII punctuation
 *   character literal); `_` unless it sits between two letters or digits (`CREATE_FAILED`: such an
 *   underscore can neither open nor close emphasis); `:` before `/`; `-` at the start of a line.
 *   `$` is written `&#36;`: an entity survives marked as an entity, so no `$(` reaches the icon
 *   pass, and the browser shows `$`. The other punctuation (`,;?'"%^/{}` …) means nothing outside
 *   links and HTML, which cannot start. Bare URLs: `https\://`, `www\.` and `a\@b\.c` match none
 *   of GFM's autolink forms, so a URL is shown (and copied) as exactly itself, as text, not a link.
 *   Line breaks become hard breaks (`\` + newline) inside the paragraph; as no line can start with
 *   an unescaped `#`, `>`, `-`, `+`, `*`, `=`, `1.`, fence or `|`, no line starts a block. Blanks at
 *   the start and end of the text and of each line are dropped (Markdown would not show them, and 4
 *   leading spaces would start a code block).
 * - code: a delimiter one backtick longer than the longest run inside, padded with a space when the
 *   text starts or ends with a backtick or space; line breaks become spaces (a code span cannot hold
 *   one, and a new line could start a block before inline parsing); a `$` before `(` is written as
 *   `&#36;` between two code spans, so `$(` never reaches the icon pass.
 * Input is cut to MAX_TEXT characters (with "…") before anything else runs, and every expression
 * here is a single pass with fixed-width lookarounds only: linear time.
 */
import { commandId, type CommandName } from './commands';

/** Longest outside text rendered; the rest is cut off with "…". */
export const MAX_TEXT = 10_000;

/** Cuts text to at most `max` UTF-16 units plus "…", never inside a surrogate pair. */
export function bound(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** What must be escaped wherever it is (see the header). */
const INLINE = /[\\`*~[\]()<>&!|#+=.@$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|:(?=\/)/g;
const LINE_BREAK = /\r\n|\r|\n/;

/** The text without blanks at either end (a scan: a `\s+$` regex is quadratic on inner runs). */
function trimBlanks(text: string, blanks: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && blanks.includes(text[start])) start++;
  while (end > start && blanks.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function escapeLine(line: string): string {
  const escaped = trimBlanks(line, ' \t').replace(INLINE, (c) => (c === '$' ? '&#36;' : `\\${c}`));
  return escaped.startsWith('-') ? `\\${escaped}` : escaped;
}

/** Outside text as Markdown that renders as exactly that text (see the header). */
export function mdText(text: string): string {
  return trimBlanks(bound(text), ' \t\r\n').split(LINE_BREAK).map(escapeLine).join('\\\n');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

function codePiece(text: string): string {
  if (!text) return '';
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const edge = (c: string) => c === '`' || c === ' ';
  const allSpaces = text.trim() === '';
  const pad = !allSpaces && (edge(text[0]) || edge(text[text.length - 1])) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Outside text as an inline code span that renders as exactly that text, on one line (see the header). */
export function mdCode(text: string): string {
  const oneLine = bound(text).split(LINE_BREAK).join(' ');
  const [first, ...rest] = oneLine.split('$(');
  return codePiece(first) + rest.map((piece) => `&#36;${codePiece(`(${piece}`)}`).join('');
}

/**
 * A Markdown link that runs one of the extension's commands (named as in src/model/commands.ts) with
 * JSON arguments (the MarkdownString must trust that command). The label is the extension's own (an l10n string).
 * Arguments may hold outside text (an image name from the service, an ARN from a file): beyond
 * encodeURIComponent, `(`, `)`, `'`, `!` and `*` are percent-encoded too, so nothing in them can end
 * the link destination; VS Code decodes them back before JSON.parse.
 */
export function commandLink(label: string, command: CommandName, args: unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](command:${commandId(command)}?${query})`;
}

/**
 * Outside text for a notification or a status-bar message, which are not MarkdownStrings but
 * still interpret some markup: a notification turns `[label](command:…)` (and https/file targets)
 * into a link that runs with every command allowed, and status-bar text renders `$(name)` as an
 * icon. A zero-width space between `]` and `(`, and between `$` and `(`, leaves the text as it reads
 * and matches neither form. Bounded like the rest.
 */
export function plainText(text: string): string {
  return bound(text).replace(/\]\(/g, ']\u200b(').replace(/\$\(/g, '$\u200b(');
}
