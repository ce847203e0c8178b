/** The "SageMaker Images" log, adapted to src/aws's Logger with every line redacted. */
import * as vscode from 'vscode';
import { redact, type Logger } from './aws/log';

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (m) => channel.trace(redact(m)),
    debug: (m) => channel.debug(redact(m)),
    info: (m) => channel.info(redact(m)),
    warn: (m) => channel.warn(redact(m)),
    error: (m) => channel.error(redact(m)),
  };
}
