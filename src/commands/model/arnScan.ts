/**
 * Finds the SageMaker image or image-version ARN under the cursor in one line of text, for the
 * hover provider. It scans only the hovered line, so hovering stays cheap in any file, and it
 * recognises an ARN wherever configuration puts one: in quotes, after `=` or `:`, in JSON,
 * Terraform and YAML, or in prose followed by punctuation.
 */
import { IMAGE_ARN, IMAGE_VERSION_ARN, parseArn, type ParsedImageArn, type ParsedImageVersionArn } from './arns';

export interface ArnMatch {
  arn: string;
  /** UTF-16 offset of the first character in the line. */
  start: number;
  /** UTF-16 offset just after the last character (exclusive). */
  end: number;
  parsed: ParsedImageArn | ParsedImageVersionArn;
}

/**
 * Lines longer than this are skipped: they are minified bundles or data blobs, where a regex
 * scan on every mouse move would be slow and a hover is not useful.
 */
export const MAX_LINE_LENGTH = 10_000;

/** The model's anchored pattern, unanchored so it can be found inside a line. */
function unanchored(pattern: RegExp): string {
  const source = pattern.source;
  if (!source.startsWith('^') || !source.endsWith('$')) throw new Error(`Expected an anchored pattern: ${source}`);
  return source.slice(1, -1);
}

/**
 * Characters that can continue an ARN-like token. An ARN next to one of them is part of a longer
 * token (`xarn:…`, `…/my-image/extra`, `…/my_image`, an IAM wildcard `…/my-*`, a Terraform
 * interpolation `…/a${var.b}`), which is not that ARN. Everything else (quotes, spaces, commas,
 * brackets, `=`) delimits.
 */
const TOKEN_CHAR = /[\w/:*$%@~+.-]/;
/** Punctuation that may follow an ARN in prose ("… is arn:…/my-image." or "…/3: see") and is not part of it. */
const TRAILING_PUNCTUATION = /[.:-]/;

const TOKEN_CHAR_SOURCE = TOKEN_CHAR.source;
// Image-version first: the two cannot both match at one position, but this keeps the intent clear.
const SCAN = new RegExp(`(?<!${TOKEN_CHAR_SOURCE})(?:${unanchored(IMAGE_VERSION_ARN)}|${unanchored(IMAGE_ARN)})`, 'g');
const WHOLE_TOKEN = new RegExp(`^${TOKEN_CHAR_SOURCE}+$`);

/** True when the token ends at `end`, allowing trailing punctuation before the delimiter. */
function endsToken(line: string, end: number): boolean {
  let i = end;
  while (i < line.length && TRAILING_PUNCTUATION.test(line[i])) i++;
  return i === line.length || !TOKEN_CHAR.test(line[i]);
}

/**
 * The image or image-version ARN whose span contains `character` (the position right after the
 * last character counts too, as VS Code reports it when the cursor sits at the end of a word).
 */
export function findArnAt(line: string, character: number): ArnMatch | undefined {
  if (line.length > MAX_LINE_LENGTH) return undefined;
  // A regex with the g flag keeps lastIndex between calls; use a fresh one per call.
  const scan = new RegExp(SCAN.source, SCAN.flags);
  for (let m = scan.exec(line); m; m = scan.exec(line)) {
    const arn = m[0];
    const start = m.index;
    const end = start + arn.length;
    if (start > character) return undefined; // matches come in order: none further on can contain it
    // The model's region is `[^:]+`, which would let a match run across quotes or spaces; an ARN
    // in text is always a single token.
    if (!WHOLE_TOKEN.test(arn) || !endsToken(line, end)) {
      scan.lastIndex = start + 1;
      continue;
    }
    const parsed = parseArn(arn); // the anchored model pattern (and a safe-integer version)
    if (parsed && character <= end) return { arn, start, end, parsed };
  }
  return undefined;
}
