/**
 * Sending one SageMaker command with logging, cancellation and error mapping, and the small
 * helpers that shape a result: shared by the image operations (operations.ts) and the Studio
 * operations (studioOperations.ts), which import them from here rather than from each other so
 * the two tables have no import cycle (operations.ts spreads studioOperations into its table).
 */
import type { SageMakerConnection } from './clientFactory';
import type { OperationOptions } from '../model/awsLayer';
import { RequestCancelledError, type ErrorContext } from '../model/errors';
import { silentLogger } from '../model/log';
import type { Page } from '../model/page';
import { profileName } from '../model/settings';
import { toAwsError } from './errorMapping';

interface SendableCommand {
  readonly input: object;
}

/** Sends one command: logs operation, parameters, status, request id and duration (never headers or credentials). */
export async function send<T extends { $metadata: { requestId?: string; httpStatusCode?: number } }>(
  conn: SageMakerConnection,
  command: SendableCommand,
  ctx: Omit<ErrorContext, 'region'>,
  options: OperationOptions,
): Promise<T> {
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  const params = JSON.stringify(command.input);
  logger.debug(`→ ${ctx.operation} ${params}`);
  try {
    // The SDK's send is overloaded per command class; our commands are SageMaker commands.
    const output = (await conn.client.send(command as Parameters<typeof conn.client.send>[0], {
      abortSignal: options.abortSignal,
    })) as unknown as T;
    const ms = (performance.now() - started).toFixed(0);
    logger.debug(`← ${ctx.operation} ${output.$metadata.httpStatusCode ?? ''} ${ms} ms requestId=${output.$metadata.requestId ?? '-'}`);
    return output;
  } catch (e) {
    if (options.abortSignal?.aborted || (e as { name?: string })?.name === 'AbortError') {
      logger.debug(`× ${ctx.operation} cancelled`);
      throw new RequestCancelledError(ctx.operation);
    }
    const error = toAwsError(e, { ...ctx, region: conn.region, profile: profileName(conn.settings.profile) });
    const ms = (performance.now() - started).toFixed(0);
    logger.error(
      `✗ ${ctx.operation} ${params} → ${error.kind} (${error.details.code ?? '?'}, HTTP ${error.details.httpStatus ?? '-'}, requestId=${
        error.details.requestId ?? '-'
      }, ${ms} ms): ${error.details.rawMessage ?? error.message}`,
    );
    throw error;
  }
}

/** Drops undefined members so a request body carries only what was set. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A page result; an empty NextToken counts as the last page. */
export function page<T>(items: T[], nextToken: string | undefined, requestId: string | undefined): Page<T> {
  return defined({ items, nextToken: nextToken === '' ? undefined : nextToken, requestId });
}
