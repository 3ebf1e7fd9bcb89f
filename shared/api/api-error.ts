import { z } from 'zod';

export const ApiErrorCodeSchema = z.enum([
  'invalid-input',
  'forbidden',
  'unknown-call',
  'not-found',
  'cancelled',
  'workspace',
  'conflict',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** The only error shape that crosses a transport: a code to branch on, a message for people. */
export const ApiErrorPayloadSchema = z.strictObject({
  code: ApiErrorCodeSchema,
  message: z.string(),
  detail: z.string().optional(),
});
export type ApiErrorPayload = z.infer<typeof ApiErrorPayloadSchema>;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly detail: string | undefined;

  constructor(code: ApiErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.detail = detail;
  }

  toPayload(): ApiErrorPayload {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }

  static fromPayload(payload: unknown): ApiError {
    const parsed = ApiErrorPayloadSchema.safeParse(payload);
    if (!parsed.success) return new ApiError('internal', 'The engine answered with an unreadable error.');
    return new ApiError(parsed.data.code, parsed.data.message, parsed.data.detail);
  }

  /** Anything thrown becomes an ApiError; unknown errors keep their message but not their stack. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (error instanceof Error) return new ApiError('internal', error.message);
    return new ApiError('internal', String(error));
  }
}
