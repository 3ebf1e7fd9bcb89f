import type { z } from 'zod';
import { ApiError } from './api-error';

/** One line per problem, each naming the field it is about, for messages people read. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError('invalid-input', `Invalid ${what}: ${describeIssues(result.error)}`);
  }
  return result.data;
}
