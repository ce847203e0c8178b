/**
 * A CommonMark parser configured as strictly as VS Code renders a MarkdownString (HTML, GFM
 * autolinks): the renderer's unit tests and the host suite's hostile-text tests parse what we
 * render with it and look for any link, image or tag that came from outside text.
 */
import { createRequire } from 'node:module';

interface MarkdownIt {
  render(src: string): string;
  linkify: { tlds(list: string[], keepOld: boolean): unknown };
}

// markdown-it has no bundled types.
const MarkdownItCtor = createRequire(__filename)('markdown-it') as new (options: object) => MarkdownIt;

export const markdownParser = new MarkdownItCtor({ html: true, linkify: true });
// Bare `www.…`/`user@…` in .example domains are links too (VS Code's marked links them whatever the TLD).
markdownParser.linkify.tlds(['example'], true);

/** The text of rendered HTML: the entities markdown-it writes, decoded. */
export function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}
