/**
 * Version export: the JSON file must read back as exactly the API's records and the CSV file as
 * the same records with formula-like cells neutralised; the pager must follow tokens in order,
 * stop on cancel without closing the file, and refuse loops; replacing a file keeps its mode and
 * writes through a symbolic link (real files in a temporary directory).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAwsError } from '../../src/model/errors';
import type { ImageVersionSummary, Page } from '../../src/model/types';
import {
  ExportWriter,
  exportPages,
  formatFromPath,
  neutraliseCsvCell,
  openReplacement,
  toApiRecord,
  type ExportFormat,
} from '../../src/commands/model/versionExport';
import { testTempDir } from './helpers';

function version(n: number, failureReason?: string): ImageVersionSummary {
  return {
    imageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/my-image',
    imageVersionArn: `arn:aws:sagemaker:us-east-1:123456789012:image-version/my-image/${n}`,
    version: n,
    imageVersionStatus: failureReason ? 'CREATE_FAILED' : 'CREATED',
    creationTime: new Date(Date.UTC(2024, 0, n, 10, 30, 0, 5)),
    lastModifiedTime: new Date(Date.UTC(2024, 1, n, 11, 0, 0)),
    ...(failureReason === undefined ? {} : { failureReason }),
  };
}

/** A writer that records every chunk. */
function sink(format: ExportFormat): { writer: ExportWriter; chunks: string[]; text(): string } {
  const chunks: string[] = [];
  const writer = new ExportWriter(format, async (chunk) => {
    chunks.push(chunk);
  });
  return { writer, chunks, text: () => chunks.join('') };
}

/** A minimal RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      assert.notEqual(c, '\n', `bare LF outside quotes at ${i}`);
      field += c;
      i++;
    }
  }
  assert.equal(field, '', 'the last line ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

const HEADER = ['ImageArn', 'ImageVersionArn', 'Version', 'ImageVersionStatus', 'CreationTime', 'LastModifiedTime', 'FailureReason'];

describe('versionExport', () => {
  describe('formatFromPath', () => {
    it('reads the extension, in any case, from the last path segment only', () => {
      assert.equal(formatFromPath('/tmp/out.json'), 'json');
      assert.equal(formatFromPath('C:\\exports\\Versions.CSV'), 'csv');
      assert.equal(formatFromPath('a.Json'), 'json');
      assert.equal(formatFromPath('/tmp/v.json/out'), undefined);
      assert.equal(formatFromPath('/tmp/out.txt'), undefined);
      assert.equal(formatFromPath('/tmp/json'), undefined);
    });
  });

  describe('toApiRecord', () => {
    it('uses the API member names in order, ISO-8601 times, and FailureReason only when present', () => {
      const ok = toApiRecord(version(2));
      assert.deepEqual(Object.keys(ok), HEADER.slice(0, 6));
      assert.equal(ok.Version, 2);
      assert.equal(ok.CreationTime, '2024-01-02T10:30:00.005Z');
      assert.equal(ok.LastModifiedTime, '2024-02-02T11:00:00.000Z');
      const failed = toApiRecord(version(3, 'bad'));
      assert.deepEqual(Object.keys(failed), HEADER);
      assert.equal(failed.FailureReason, 'bad');
    });
  });

  describe('ExportWriter', () => {
    it('writes JSON that parses back to exactly the records, one write per page', async () => {
      const s = sink('json');
      const all = [version(1), version(2, 'disk "full", retry\nlater'), version(3)];
      await s.writer.begin();
      await s.writer.addPage(all.slice(0, 2));
      await s.writer.addPage([]);
      await s.writer.addPage(all.slice(2));
      await s.writer.end();
      const records = all.map(toApiRecord);
      assert.deepEqual(JSON.parse(s.text()), { ImageVersions: records });
      assert.equal(s.text(), `${JSON.stringify({ ImageVersions: records }, null, 2)}\n`, 'the same layout as a 2-space pretty print');
      assert.equal(s.chunks.length, 4, 'begin, two non-empty pages, end');
      assert.ok(s.chunks[1].includes('image-version/my-image/2') && !s.chunks[1].includes('image-version/my-image/3'));
      assert.equal(s.writer.count, 3);
    });

    it('writes a valid JSON file with no versions', async () => {
      const s = sink('json');
      await s.writer.begin();
      await s.writer.end();
      assert.deepEqual(JSON.parse(s.text()), { ImageVersions: [] });
      assert.equal(s.text(), `${JSON.stringify({ ImageVersions: [] }, null, 2)}\n`);
    });

    it('quotes CSV fields per RFC 4180 and leaves a missing FailureReason empty', async () => {
      const s = sink('csv');
      await s.writer.begin();
      await s.writer.addPage([version(1), version(2, 'a, "b"\nc')]);
      await s.writer.end();
      const lines = s.text().split('\r\n');
      assert.equal(lines[0], HEADER.join(','));
      assert.ok(lines[1].endsWith(',CREATED,2024-01-01T10:30:00.005Z,2024-02-01T11:00:00.000Z,'), lines[1]);
      assert.ok(s.text().includes(',"a, ""b""\nc"\r\n'), 'comma, quote and newline quoted, quotes doubled');
    });

    it('writes CSV that parses back to the records', async () => {
      const s = sink('csv');
      const all = [version(1), version(2, 'x,y'), version(3, 'say "no"'), version(4, 'line1\r\nline2'), version(5, '=SUM(A1)')];
      await s.writer.begin();
      await s.writer.addPage(all.slice(0, 3));
      await s.writer.addPage(all.slice(3));
      await s.writer.end();
      const rows = parseCsv(s.text());
      assert.deepEqual(rows[0], HEADER);
      const expected = all.map((v) => {
        const r = toApiRecord(v);
        return HEADER.map((h) => (r[h] === undefined ? '' : neutraliseCsvCell(String(r[h]))));
      });
      assert.deepEqual(rows.slice(1), expected);
      assert.deepEqual(rows[4][6], 'line1\r\nline2', 'other values are kept exactly as the API returned them');
      assert.equal(rows[5][6], "'=SUM(A1)", 'a formula is neutralised');
    });

    it("neutralises CSV cells that start with =, +, -, @, tab or CR with a leading ', and leaves JSON as the API said", async () => {
      const reasons: [string, string][] = [
        ['=HYPERLINK("https://attacker.example","x")', `"'=HYPERLINK(""https://attacker.example"",""x"")"`],
        ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
        ['-2+3', "'-2+3"],
        ['-1 retries left', "'-1 retries left"],
        ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
        ['\t=1+1', "'\t=1+1"],
        ['\r=1+1', `"'\r=1+1"`],
        // Only the first character counts: these are left alone.
        [' =1+1', ' =1+1'],
        ['a=1', 'a=1'],
        ['pull failed: -1', 'pull failed: -1'],
        ["'quoted", "'quoted"],
      ];
      const s = sink('csv');
      const j = sink('json');
      const all = reasons.map(([reason], i) => version(i + 1, reason));
      for (const w of [s.writer, j.writer]) {
        await w.begin();
        await w.addPage(all);
        await w.end();
      }
      const lines = s.text().split('\r\n');
      reasons.forEach(([reason, cell], i) => {
        assert.ok(
          s
            .text()
            .includes(
              `,CREATE_FAILED,2024-01-${String(i + 1).padStart(2, '0')}T10:30:00.005Z,2024-02-${String(i + 1).padStart(2, '0')}T11:00:00.000Z,${cell}\r\n`,
            ),
          `${JSON.stringify(reason)} → ${JSON.stringify(cell)}`,
        );
      });
      assert.ok(lines[1].startsWith('arn:aws:sagemaker:'), 'ARNs, statuses, versions and times are untouched');
      const rows = parseCsv(s.text());
      assert.deepEqual(
        rows.slice(1).map((r) => r[6]),
        reasons.map(([reason]) => (/^[=+\-@\t\r]/.test(reason) ? `'${reason}` : reason)),
      );
      assert.deepEqual(
        (JSON.parse(j.text()) as { ImageVersions: { FailureReason: string }[] }).ImageVersions.map((r) => r.FailureReason),
        reasons.map(([reason]) => reason),
        'JSON keeps every value exactly',
      );
    });

    it('refuses calls out of order', async () => {
      const s = sink('json');
      await assert.rejects(s.writer.addPage([version(1)]), /addPage/);
      await s.writer.begin();
      await s.writer.end();
      await assert.rejects(s.writer.end(), /end/);
    });
  });

  describe('exportPages', () => {
    function pager(pages: Record<string, Page<ImageVersionSummary>>): {
      tokens: (string | undefined)[];
      fetch: (t: string | undefined) => Promise<Page<ImageVersionSummary>>;
    } {
      const tokens: (string | undefined)[] = [];
      return {
        tokens,
        fetch: async (token) => {
          tokens.push(token);
          const page = pages[token ?? 'first'];
          assert.ok(page, `unexpected token ${token}`);
          return page;
        },
      };
    }

    it('follows three pages in order and closes the file', async () => {
      const p = pager({
        first: { items: [version(1), version(2)], nextToken: 'a' },
        a: { items: [version(3)], nextToken: 'b' },
        b: { items: [version(4)] },
      });
      const s = sink('json');
      const progress: number[] = [];
      const result = await exportPages(p.fetch, s.writer, { isCancelled: () => false, onPage: (n) => progress.push(n) });
      assert.deepEqual(result, { count: 4, pages: 3, cancelled: false });
      assert.deepEqual(p.tokens, [undefined, 'a', 'b']);
      assert.deepEqual(progress, [2, 3, 4]);
      const parsed = JSON.parse(s.text()) as { ImageVersions: { Version: number }[] };
      assert.deepEqual(
        parsed.ImageVersions.map((r) => r.Version),
        [1, 2, 3, 4],
      );
    });

    it('stops between pages when cancelled, without closing the file', async () => {
      let cancelled = false;
      const p = pager({
        first: { items: [version(1)], nextToken: 'a' },
        a: { items: [version(2)], nextToken: 'b' },
        b: { items: [version(3)] },
      });
      const s = sink('json');
      const result = await exportPages(p.fetch, s.writer, {
        isCancelled: () => cancelled,
        onPage: (n) => {
          if (n === 2) cancelled = true;
        },
      });
      assert.deepEqual(result, { count: 2, pages: 2, cancelled: true });
      assert.equal(p.tokens.length, 2, 'no fetch after the cancel');
      assert.ok(!s.text().endsWith('}\n'), 'end() not called');
      assert.throws(() => JSON.parse(s.text()));
    });

    it('does not fetch at all when cancelled before the first page', async () => {
      const p = pager({ first: { items: [version(1)] } });
      const result = await exportPages(p.fetch, sink('csv').writer, { isCancelled: () => true });
      assert.deepEqual(result, { count: 0, pages: 0, cancelled: true });
      assert.equal(p.tokens.length, 0);
    });

    it('rejects a repeated token instead of looping', async () => {
      const p = pager({
        first: { items: [version(1)], nextToken: 'a' },
        a: { items: [version(2)], nextToken: 'b' },
        b: { items: [version(3)], nextToken: 'a' },
      });
      await assert.rejects(
        exportPages(p.fetch, sink('json').writer, { isCancelled: () => false }),
        (e: unknown) => isAwsError(e) && e.details.code === 'RepeatedNextToken',
      );
      assert.deepEqual(p.tokens, [undefined, 'a', 'b']);
    });

    it('stops with an error after maxPages pages that still have a token', async () => {
      let n = 0;
      const fetch = async (): Promise<Page<ImageVersionSummary>> => ({ items: [version(++n)], nextToken: `t${n}` });
      await assert.rejects(
        exportPages(fetch, sink('csv').writer, { isCancelled: () => false, maxPages: 3 }),
        (e: unknown) => isAwsError(e) && e.details.code === 'TooManyPages',
      );
      assert.equal(n, 3);
      const exact = await exportPages(
        async (t) => (t === undefined ? { items: [version(1)], nextToken: 'x' } : { items: [version(2)] }),
        sink('csv').writer,
        { isCancelled: () => false, maxPages: 2 },
      );
      assert.deepEqual(exact, { count: 2, pages: 2, cancelled: false });
    });
  });

  describe('openReplacement', () => {
    let dir: string;
    let n = 0;
    beforeEach(() => {
      dir = path.join(testTempDir(), `export-${++n}`);
      fs.mkdirSync(dir, { recursive: true });
    });

    /** The whole export of two versions into `file`, as the command runs it. */
    async function exportTo(file: string, format: ExportFormat = 'json'): Promise<string> {
      const out = await openReplacement(file);
      const writer = new ExportWriter(format, (chunk) => out.write(chunk));
      await exportPages(async () => ({ items: [version(1), version(2)] }), writer, { isCancelled: () => false });
      await out.commit();
      return out.target;
    }

    const leftovers = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith('.partial'));

    it('creates a new file, and replaces an existing one leaving no partial file', async () => {
      const file = path.join(dir, 'new.json');
      assert.equal(await exportTo(file), file);
      assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).ImageVersions.length, 2);
      fs.writeFileSync(file, 'old');
      await exportTo(file, 'csv');
      assert.match(fs.readFileSync(file, 'utf8'), /^ImageArn,/);
      assert.deepEqual(leftovers(dir), []);
    });

    it('keeps the mode of the file it replaces (0600 stays 0600, 0640 stays 0640)', async function () {
      for (const mode of [0o600, 0o640, 0o664]) {
        const file = path.join(dir, `private-${mode.toString(8)}.json`);
        fs.writeFileSync(file, 'old');
        fs.chmodSync(file, mode);
        await exportTo(file);
        assert.equal(fs.statSync(file).mode & 0o777, mode, `mode ${mode.toString(8)}`);
        assert.notEqual(fs.readFileSync(file, 'utf8'), 'old');
      }
    });

    it('writes through a symbolic link to its target and leaves the link a link', async function () {
      const elsewhere = path.join(dir, 'real');
      fs.mkdirSync(elsewhere);
      const target = path.join(elsewhere, 'versions.json');
      fs.writeFileSync(target, 'old');
      fs.chmodSync(target, 0o600);
      const link = path.join(dir, 'link.json');
      fs.symlinkSync(path.join('real', 'versions.json'), link); // relative, as links often are
      const chained = path.join(dir, 'chained.json');
      fs.symlinkSync('link.json', chained);

      assert.equal(await exportTo(chained), fs.realpathSync(target));
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.ok(fs.lstatSync(chained).isSymbolicLink(), 'the link to the link too');
      assert.equal(fs.readlinkSync(link), path.join('real', 'versions.json'), 'pointing where it did');
      assert.equal(JSON.parse(fs.readFileSync(target, 'utf8')).ImageVersions.length, 2, 'the target got the content');
      assert.equal(fs.statSync(target).mode & 0o777, 0o600, "the target's mode is kept");
      assert.deepEqual(leftovers(dir), []);
      assert.deepEqual(leftovers(elsewhere), []);
    });

    it('a dangling link gets its target created, and stays a link', async function () {
      const link = path.join(dir, 'dangling.csv');
      fs.symlinkSync('not-yet.csv', link);
      await exportTo(link, 'csv');
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.match(fs.readFileSync(path.join(dir, 'not-yet.csv'), 'utf8'), /^ImageArn,/);
    });

    it('discard leaves the replaced file untouched and no partial file, beside the target', async function () {
      const elsewhere = path.join(dir, 'real');
      fs.mkdirSync(elsewhere);
      const target = path.join(elsewhere, 'keep.json');
      fs.writeFileSync(target, 'an earlier export');
      const link = path.join(dir, 'keep.json');
      fs.symlinkSync(target, link);
      const out = await openReplacement(link);
      assert.equal(
        path.dirname(out.partial),
        fs.realpathSync(elsewhere),
        'the temporary file sits beside the target, so rename replaces it',
      );
      await out.write('half');
      await out.discard();
      assert.equal(fs.readFileSync(target, 'utf8'), 'an earlier export');
      assert.deepEqual(leftovers(elsewhere), []);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
    });
  });
});
