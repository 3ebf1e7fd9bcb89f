import { z } from 'zod';
import { defineCall } from '../define-call';

export const AppInfoSchema = z.strictObject({
  appVersion: z.string(),
  workspacePath: z.string(),
  schemaVersion: z.number().int().positive(),
  host: z.enum(['desktop', 'browser', 'cli', 'test']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appCalls = {
  'app.info': defineCall({
    summary: 'Versions and the open workspace.',
    input: z.strictObject({}),
    output: AppInfoSchema,
    long: false,
  }),
} as const;
