/**
 * The logging surface src/aws writes to. The extension passes its LogOutputChannel; tests pass a
 * recorder. Callers must never hand it credentials or signed headers: only operation names,
 * parameters (which carry no secrets), status codes, request ids and durations are logged.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
