/**
 * The outside-text renderer (issue 13, findings 1.1 and 1.6): every hostile payload, alone and in
 * the places the tooltips put it, parsed back by a real CommonMark parser (markdown-it, with GFM
 * tables, strikethrough, HTML and linkify on: stricter than VS Code's marked, which does not
 * linkify bare domains) renders as exactly its text: no link, image, HTML, heading, list, quote,
 * fence or code span of its own, and the tooltip's own command link after it survives intact.
 * VS Code's own rendering is checked in the host and e2e suites.
 */
import * as assert from 'node:assert/strict';
import { bound, commandLink, MAX_TEXT, mdCode, mdText, plainText } from '../../src/model/markdownText';
import { HOSTILE, HOSTILE_ALL, prng } from '../emulator/fixtures';
import { decodeEntities as decode, markdownParser } from '../support/markdownParser';

const md = markdownParser;

/** The tags in rendered HTML, e.g. ['p', '/p', 'br']. */
function tags(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-z0-9]+)/gi)].map((m) => m[1].toLowerCase());
}

/** What a person reads: the text of a paragraph whose line breaks are <br>s. */
function paragraphText(html: string): string {
  const m = /^<p>([\s\S]*)<\/p>\n$/.exec(html);
  assert.ok(m, `one paragraph: ${html}`);
  return decode(m[1].replace(/<br>\n/g, '\n'));
}

/** The text a person should see for `text`: bounded, blanks at the ends and around lines dropped. */
function shown(text: string): string {
  return bound(text)
    .trim()
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n');
}

const PAYLOADS: string[] = [
  ...Object.values(HOSTILE),
  HOSTILE_ALL,
  'x` ![b](https://host/b.png) [click](https://host/) `y',
  '[c](command:sagemakerImages.copyVersionArn)',
  '<a href="https://host/">a</a><img src=x onerror=alert(1)>',
  '<https://autolink.example> <mail@autolink.example>',
  '[ref]\n\n[ref]: https://host.example/ref',
  '1. one\n2) two\n+ plus\n* star\n- dash\n    indented code',
  'title\n---\nsub\n===',
  '| a | b |\n|---|---|\n| c | d |',
  '\\[escaped\\](https://host.example/) \\\\ trailing backslash \\',
  '`code` ``double`` ```triple```',
  '~~~js\nfenced\n~~~\n```\nbacktick fence\n```',
  '&copy; &#x3C;img&#x3E; &#60;b&#62;',
  '*a* **b** _c_ __d__ ***e*** ~f~ ~~g~~ snake_case CREATE_FAILED _x',
  '![alt][ref] [text][] [^note]',
  '$(zap) \\$(zap) $(loading~spin) $(zap~) $$(x)',
  'www.attacker.example https://attacker.example/x http://a.b ftp://c.d user@host.example',
  'arn:aws:sagemaker:www.attacker.example/x:123456789012:image-version/a/1',
  '   leading and trailing   \n\n\n  middle  \n',
  'line\r\nwindows\rold mac',
  '<!-- comment --> <?php ?> <![CDATA[x]]> <div>block</div>',
  'emoji 🚀 and ünïcödé [x](https://host.example/ü)',
];

describe('markdownText: outside text renders as text', () => {
  describe('mdText', () => {
    for (const payload of PAYLOADS) {
      it(`renders as exactly its text: ${JSON.stringify(payload).slice(0, 70)}`, () => {
        const value = mdText(payload);
        const html = md.render(value);
        assert.deepEqual(
          tags(html).filter((t) => !['p', '/p', 'br'].includes(t)),
          [],
          `no markup of its own: ${html}`,
        );
        assert.equal(paragraphText(html), shown(payload));
        // VS Code turns every `$(name)` left in marked's output into an icon: no `$` may be left raw.
        assert.ok(!value.includes('$'), value);
      });
    }

    it('keeps plain text readable: ordinary words, intraword underscores, hyphens and colons stay as they are', () => {
      assert.equal(
        mdText('CREATE_FAILED on hv-kernel: see sagemaker:DescribeImageVersion'),
        'CREATE_FAILED on hv-kernel: see sagemaker:DescribeImageVersion',
      );
    });

    it('breaks bare URLs out of autolinking without changing their text', () => {
      const value = mdText('see https://bare.example/p and www.bare.example');
      assert.equal(value, 'see https\\://bare\\.example/p and www\\.bare\\.example');
      assert.equal(paragraphText(md.render(value)), 'see https://bare.example/p and www.bare.example');
    });

    it('cannot start a block on any line, in a tooltip line or at the start of a block, and leaves the links after it intact', () => {
      const link = commandLink('Show details', 'showVersionDetails', [{ imageName: 'a', version: 1 }]);
      for (const payload of PAYLOADS) {
        for (const doc of [
          `**Release notes:** ${mdText(payload)}\n\n${link}`,
          `${mdText(payload)}\n\n${link}`,
          `$(error) ${mdText(payload)}  \nNext: line\n\n${link}`,
        ]) {
          const html = md.render(doc);
          const allowed = ['p', '/p', 'br', 'strong', '/strong', 'a', '/a'];
          assert.deepEqual(
            tags(html).filter((t) => !allowed.includes(t)),
            [],
            html,
          );
          const anchors = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
          assert.deepEqual(
            anchors,
            [`command:sagemakerImages.showVersionDetails?${encodeURIComponent(JSON.stringify([{ imageName: 'a', version: 1 }]))}`],
            html,
          );
        }
      }
    });

    it('fuzz: 2,000 random strings of markup characters render as their text', () => {
      const alphabet = [
        '`',
        '``',
        '```',
        '~',
        '~~~',
        '*',
        '_',
        '[',
        ']',
        '(',
        ')',
        '!',
        '<',
        '>',
        '&',
        '#',
        '|',
        '-',
        '+',
        '=',
        '.',
        ':',
        '/',
        '@',
        '$(',
        '\\',
        '\n',
        ' ',
        '    ',
        'a',
        '1',
        'https://',
        'www.',
        'img',
        'x_y',
        '&amp;',
        '&#36;',
      ];
      const rand = prng(13);
      for (let i = 0; i < 2000; i++) {
        const n = 1 + Math.floor(rand() * 24);
        const text = Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
        const html = md.render(mdText(text));
        if (shown(text) === '') {
          assert.equal(html, '', JSON.stringify(text));
          continue;
        }
        assert.deepEqual(
          tags(html).filter((t) => !['p', '/p', 'br'].includes(t)),
          [],
          `${JSON.stringify(text)} → ${html}`,
        );
        assert.equal(paragraphText(html), shown(text), JSON.stringify(text));
      }
    });
  });

  describe('mdCode', () => {
    for (const payload of [...PAYLOADS, '`', '``', 'a`', '`a', ' ', '  a  ', '$(', 'x$(y)$(z)', '$']) {
      it(`is one code span of exactly its text (line breaks as spaces): ${JSON.stringify(payload).slice(0, 60)}`, () => {
        const value = mdCode(payload);
        const html = md.render(`Base image: ${value}`);
        const m = /^<p>Base image: ([\s\S]*)<\/p>\n$/.exec(html);
        assert.ok(m, html);
        // Code spans only (split around `$(`, the `$` between them): no link, image or HTML.
        assert.deepEqual(
          tags(m[1]).filter((t) => !['code', '/code'].includes(t)),
          [],
          html,
        );
        assert.equal(decode(m[1].replace(/<\/?code>/g, '')), bound(payload).replace(/\r\n|\r|\n/g, ' '));
        assert.ok(!value.includes('$('), `no $( for VS Code's icon pass: ${value}`);
      });
    }

    it('takes a delimiter longer than any backtick run inside, padded when the text starts or ends with one', () => {
      assert.equal(mdCode('plain'), '`plain`');
      assert.equal(mdCode('a ``` b'), '````a ``` b````');
      assert.equal(mdCode('`x`'), '`` `x` ``');
      assert.equal(mdCode('x$(zap)'), '`x`&#36;`(zap)`');
      assert.equal(mdCode(''), '');
    });
  });

  describe('bound', () => {
    it(`cuts outside text to ${MAX_TEXT} characters with "…", never inside a surrogate pair`, () => {
      assert.equal(bound('short'), 'short');
      assert.equal(bound('x'.repeat(MAX_TEXT)), 'x'.repeat(MAX_TEXT));
      assert.equal(bound('x'.repeat(MAX_TEXT + 1)), `${'x'.repeat(MAX_TEXT)}…`);
      const rocket = `${'x'.repeat(MAX_TEXT - 1)}🚀`;
      assert.equal(bound(rocket), `${'x'.repeat(MAX_TEXT - 1)}…`);
      assert.ok(mdText('['.repeat(200_000)).length <= 2 * MAX_TEXT + 2);
      assert.ok(mdCode('`'.repeat(200_000)).length <= 3 * MAX_TEXT + 10);
    });

    it('renders 100 KB adversarial inputs in well under a second each (linear time)', () => {
      for (const input of [
        '_'.repeat(100_000),
        ' '.repeat(100_000) + 'x',
        'a_'.repeat(50_000),
        '\n'.repeat(100_000),
        ':/'.repeat(50_000),
        '`'.repeat(100_000),
        '$('.repeat(50_000),
        `${' \t'.repeat(50_000)}x${' '.repeat(50_000)}`,
      ]) {
        const started = performance.now();
        mdText(input);
        mdCode(input);
        mdText(input.slice(0, MAX_TEXT));
        const ms = performance.now() - started;
        assert.ok(ms < 1000, `${ms} ms for ${JSON.stringify(input.slice(0, 8))}…`);
      }
    });
  });

  describe('commandLink', () => {
    it('keeps the link whole whatever its arguments hold', () => {
      const link = commandLink('Copy ARN', 'copyVersionArn', ['a)](https://host.example/x) ![i](https://host.example/i.png) (']);
      const html = md.render(link);
      const anchors = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decode(m[1]));
      assert.equal(anchors.length, 1, html);
      assert.ok(anchors[0].startsWith('command:sagemakerImages.copyVersionArn?'), anchors[0]);
      assert.deepEqual(JSON.parse(decodeURIComponent(anchors[0].slice(anchors[0].indexOf('?') + 1))), [
        'a)](https://host.example/x) ![i](https://host.example/i.png) (',
      ]);
      assert.ok(!tags(html).includes('img'), html);
    });
  });
});

describe('plainText: outside text in notifications and status-bar messages', () => {
  // VS Code 1.100's own patterns: the notification's link parser and the label icon parser.
  const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
  const ICON = /\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
  const payloads = [
    ...HOSTILE_ALL.split('\n'),
    '[Retry](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20x%7Csh%5Cn%22%7D)',
    'see [docs](https://attacker.example/) and [f](file:///etc/passwd)',
    '$(zap) $(loading~spin) failed',
  ];

  for (const text of payloads) {
    it(`leaves no link and no icon: ${JSON.stringify(text).slice(0, 60)}`, () => {
      const plain = plainText(text);
      assert.deepEqual(
        [...plain.matchAll(NOTIFICATION_LINK)].map((m) => m[0]),
        [],
      );
      assert.deepEqual(
        [...plain.matchAll(ICON)].map((m) => m[0]),
        [],
      );
      // Reads as the same text: only zero-width spaces were added.
      assert.equal(plain.replace(/\u200b/g, ''), text);
    });
  }

  it('the payloads do hold links and icons before (the test can fail)', () => {
    assert.ok(payloads.some((t) => t.match(NOTIFICATION_LINK)));
    assert.ok(payloads.some((t) => t.match(ICON)));
  });

  it('is bounded', () => {
    assert.equal(plainText('x'.repeat(MAX_TEXT * 3)).length, MAX_TEXT + 1);
  });
});
