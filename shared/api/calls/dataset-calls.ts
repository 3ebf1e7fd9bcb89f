import { z } from 'zod';
import { DatasetSummarySchema } from '../../domain/dataset-summary';
import { defineCall } from '../define-call';

export const datasetCalls = {
  'datasets.list': defineCall({
    summary: 'Every dataset in the workspace, newest first.',
    input: z.strictObject({}),
    output: z.strictObject({ datasets: z.array(DatasetSummarySchema) }),
    long: false,
  }),
  'datasets.loadSample': defineCall({
    summary: 'Imports the bundled synthetic liquidation sample as a new dataset.',
    input: z.strictObject({ name: z.string().trim().min(1).max(200).optional() }),
    output: DatasetSummarySchema,
    long: true,
  }),
} as const;
