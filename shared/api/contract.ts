import type { z } from 'zod';
import { analysisCalls } from './calls/analysis-calls';
import { appCalls } from './calls/app-calls';
import { calibrationCalls } from './calls/calibration-calls';
import { datasetCalls } from './calls/dataset-calls';
import { modelCalls } from './calls/model-calls';
import { scriptCalls } from './calls/script-calls';

export { AppInfoSchema, type AppInfo } from './calls/app-calls';

/**
 * The one API contract. Every transport (Electron IPC, the browser-mode HTTP host, the CLI calling
 * the engine directly) carries exactly these calls, validated by these schemas on both ends.
 * Each domain keeps its calls in its own file under ./calls.
 */
export const apiContract = {
  ...appCalls,
  ...datasetCalls,
  ...analysisCalls,
  ...calibrationCalls,
  ...modelCalls,
  ...scriptCalls,
} as const;

export type ApiContract = typeof apiContract;
export type CallName = keyof ApiContract;
export type CallInput<N extends CallName> = z.input<ApiContract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<ApiContract[N]['output']>;

export const callNames = Object.keys(apiContract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}
