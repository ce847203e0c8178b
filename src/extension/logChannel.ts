/**
 * The "SageMaker Images" log, adapted to src/aws's Logger with every line redacted. The last
 * lines are also kept in memory, so a test can check what a whole run wrote.
 */
import * as vscode from 'vscode';
import { redact, type Logger } from '../model/log';

const KEEP = 2000;

export interface RecordingLogger extends Logger {
  /** The most recent lines written (after redaction), oldest first. */
  recent(): readonly string[];
}

export function createLogger(channel: vscode.LogOutputChannel): RecordingLogger {
  const lines: string[] = [];
  const write = (level: 'trace' | 'debug' | 'info' | 'warn' | 'error', message: string) => {
    const text = redact(message);
    lines.push(`${level} ${text}`);
    if (lines.length > KEEP) lines.splice(0, lines.length - KEEP);
    channel[level](text);
  };
  return {
    trace: (m) => write('trace', m),
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    recent: () => lines,
  };
}
