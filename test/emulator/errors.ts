/** An error the emulated service answers with: awsJson1_1 `{"__type", "Message"}` and an HTTP status (400 unless stated). */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const validationError = (message: string) => new ServiceError('ValidationException', message);
export const notFound = (message: string) => new ServiceError('ResourceNotFound', message);
export const inUse = (message: string) => new ServiceError('ResourceInUse', message);
