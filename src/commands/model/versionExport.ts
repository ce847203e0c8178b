/**
 * Exports an image's versions to a JSON or CSV file, page by page, so an image with thousands of
 * versions is written as it is listed instead of being held in memory first. The file uses the
 * API's own member names and values, so it can be compared with `aws sagemaker
 * list-image-versions` output (CSV cells that a spreadsheet would run as a formula excepted).
 * Also how the file is replaced: through a temporary file renamed over it, keeping its mode and
 * writing through a symbolic link to its target rather than replacing the link.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AwsError } from '../../model/errors';
import { RepeatedTokenGuard } from '../../requests/paging';
import { l10n } from '../../model/l10n';
import type { ImageVersionSummary, Page } from '../../model/types';

export type ExportFormat = 'json' | 'csv';

/** The format a file name asks for, by its extension (any case); undefined for anything else. */
export function formatFromPath(path: string): ExportFormat | undefined {
  // Only the last path segment: a dot in a folder name ("v1.json/out") is not an extension.
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined; // no extension, or a dotfile such as ".json"
  const ext = base.slice(dot + 1).toLowerCase();
  return ext === 'json' || ext === 'csv' ? ext : undefined;
}

/** The CSV columns, in the API's member order. */
const COLUMNS = [
  'ImageArn',
  'ImageVersionArn',
  'Version',
  'ImageVersionStatus',
  'CreationTime',
  'LastModifiedTime',
  'FailureReason',
] as const;

/** One version as the API names it (ListImageVersions' ImageVersion shape), times in ISO-8601. */
export function toApiRecord(v: ImageVersionSummary): Record<string, string | number> {
  const record: Record<string, string | number> = {
    ImageArn: v.imageArn,
    ImageVersionArn: v.imageVersionArn,
    Version: v.version,
    ImageVersionStatus: v.imageVersionStatus,
    CreationTime: v.creationTime.toISOString(),
    LastModifiedTime: v.lastModifiedTime.toISOString(),
  };
  // Absent in the API response when there was no failure; keep it absent in the JSON too.
  if (v.failureReason !== undefined) record.FailureReason = v.failureReason;
  return record;
}

/** Leading characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell that a spreadsheet would run as a formula, prefixed with `'` (as OWASP recommends for
 * CSV injection): FailureReason is text an image owner's build controls, and opening the export
 * must not run `=HYPERLINK(…)` or `=cmd|…`. Applied to every cell whatever its column, so a text
 * that merely starts with `-` ("-1 retries left") gets the prefix too; no column we write holds a
 * negative number (Version is a positive integer, times start with the year, ARNs with `arn:`),
 * so only free text is ever changed. JSON has no such reader and stays exactly the API's values.
 */
export function neutraliseCsvCell(text: string): string {
  return text !== '' && FORMULA_START.has(text[0]) ? `'${text}` : text;
}

/** RFC 4180 field quoting, after formula neutralisation. */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = neutraliseCsvCell(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly (string | number | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

const JSON_INDENT = '    '; // records sit two levels deep: inside the object, inside the array

/**
 * Writes an export in three steps (begin, one addPage per page, end). The JSON output is exactly
 * `JSON.stringify({ ImageVersions: records }, null, 2)` plus a newline, but produced a page at a
 * time. Each call makes at most one `write`, and never before the previous one has finished.
 */
export class ExportWriter {
  private written = 0;
  private state: 'new' | 'open' | 'ended' = 'new';

  constructor(
    private readonly format: ExportFormat,
    private readonly write: (chunk: string) => Promise<void>,
  ) {}

  /** Records written so far. */
  get count(): number {
    return this.written;
  }

  async begin(): Promise<void> {
    this.expect('new', 'begin');
    this.state = 'open';
    await this.write(this.format === 'json' ? '{\n  "ImageVersions": [' : csvLine(COLUMNS));
  }

  async addPage(items: readonly ImageVersionSummary[]): Promise<void> {
    this.expect('open', 'addPage');
    if (items.length === 0) return;
    let chunk = '';
    for (const item of items) {
      const record = toApiRecord(item);
      if (this.format === 'json') {
        const body = JSON.stringify(record, null, 2).replace(/\n/g, `\n${JSON_INDENT}`);
        chunk += `${this.written > 0 ? ',' : ''}\n${JSON_INDENT}${body}`;
      } else {
        chunk += csvLine(COLUMNS.map((c) => record[c]));
      }
      this.written++;
    }
    await this.write(chunk);
  }

  async end(): Promise<void> {
    this.expect('open', 'end');
    this.state = 'ended';
    if (this.format === 'json') await this.write(this.written > 0 ? '\n  ]\n}\n' : ']\n}\n');
  }

  private expect(state: 'new' | 'open', call: string): void {
    // Out-of-order calls would produce a file that does not parse; fail loudly instead.
    if (this.state !== state) throw new Error(`ExportWriter.${call}() called when ${this.state}`);
  }
}

export interface ExportOptions {
  /** Checked before each page is fetched. */
  isCancelled(): boolean;
  /** Called after each page is written, with the number of records written so far. */
  onPage?(count: number): void;
  /** Hard cap on the number of calls; more pages than this is an error. Default 10000. */
  maxPages?: number;
}

/**
 * Fetches every page and writes it. On cancel it returns without calling `end()`: the caller is
 * expected to delete the partial file, and a JSON file closed early would look complete.
 */
export async function exportPages(
  fetch: (nextToken: string | undefined) => Promise<Page<ImageVersionSummary>>,
  writer: ExportWriter,
  options: ExportOptions,
): Promise<{ count: number; pages: number; cancelled: boolean }> {
  const maxPages = options.maxPages ?? 10000;
  // A service that repeats a token would otherwise make the export loop (and grow) forever.
  const guard = new RepeatedTokenGuard('image versions');
  let pages = 0;
  let token: string | undefined;
  await writer.begin();
  do {
    if (options.isCancelled()) return { count: writer.count, pages, cancelled: true };
    if (pages >= maxPages) {
      throw new AwsError('unknown', l10n.t('Exporting image versions needed more than {0} pages; stopped.', maxPages), false, {
        code: 'TooManyPages',
      });
    }
    const page = await fetch(token);
    pages++;
    await writer.addPage(page.items);
    options.onPage?.(writer.count);
    token = guard.accept(page.nextToken);
  } while (token !== undefined);
  await writer.end();
  return { count: writer.count, pages, cancelled: false };
}

/** A file being written in place of another; `commit` puts it there, `discard` leaves no trace. */
export interface ReplacementFile {
  /** The file that `commit` replaces or creates: the target of a symbolic link, not the link. */
  readonly target: string;
  /** The temporary file beside the target. */
  readonly partial: string;
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

const MAX_LINK_HOPS = 40; // as Linux's ELOOP limit

/**
 * Where a write to `file` must land: the end of its chain of symbolic links (even a dangling one),
 * or `file` itself when it is not a link or does not exist yet.
 */
async function resolveTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // realpath fails on a dangling link: follow it by hand to the path the link names.
  let current = path.resolve(file);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const stat = await fs.lstat(current).catch(() => undefined);
    if (!stat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new Error(l10n.t('{0}: too many levels of symbolic links', file));
}

/**
 * Opens a temporary file beside the file that `file` names (beside a symlink's target, so the
 * final rename stays on one file system and replaces the target, never the link). An existing
 * file's permission bits are kept: a 0600 export stays 0600 (a plain rename would leave the
 * temporary file's 0644 in its place).
 */
export async function openReplacement(file: string): Promise<ReplacementFile> {
  const target = await resolveTarget(file);
  const existing = await fs.stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  // The permission bits only: set-user-ID and the like are not for new content.
  const mode = existing ? existing.mode & 0o777 : undefined;
  const partial = `${target}.${process.pid}-${Date.now()}.partial`;
  // Created with the final mode already (umask may only narrow it; chmod below makes it exact),
  // so the content is never readable more widely than the file it replaces.
  const out = createWriteStream(partial, { encoding: 'utf8', flags: 'wx', ...(mode !== undefined ? { mode } : {}) });
  await new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  return {
    target,
    partial,
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        out.write(chunk, (e) => (e ? reject(e) : resolve()));
      }),
    commit: async () => {
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(() => resolve());
      });
      if (mode !== undefined) await fs.chmod(partial, mode);
      await fs.rename(partial, target);
    },
    discard: async () => {
      out.destroy();
      await fs.rm(partial, { force: true });
    },
  };
}
