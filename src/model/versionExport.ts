/**
 * Exports an image's versions to a JSON or CSV file, page by page, so an image with thousands of
 * versions is written as it is listed instead of being held in memory first. The file uses the
 * API's own member names and values, so it can be compared with `aws sagemaker
 * list-image-versions` output.
 */
import { AwsError } from '../aws/errors';
import { RepeatedTokenGuard } from '../aws/paging';
import type { ImageVersionSummary, Page } from '../aws/types';

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
const COLUMNS = ['ImageArn', 'ImageVersionArn', 'Version', 'ImageVersionStatus', 'CreationTime', 'LastModifiedTime', 'FailureReason'] as const;

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

/**
 * RFC 4180 field quoting. Values are written exactly as the API returned them: no guarding
 * against spreadsheet formula injection (prefixing `=`, `+`, `-`, `@` with a quote), because the
 * file must match the API byte for byte, and a status or ARN never starts with those characters;
 * only FailureReason is free text, and altering it would misreport what the service said.
 */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
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
      throw new AwsError('unknown', `Exporting image versions needed more than ${maxPages} pages; stopped.`, false, { code: 'TooManyPages' });
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
