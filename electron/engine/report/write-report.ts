import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import type { modelCalls } from '../../../shared/api/calls/model-calls';
import type { CallContext } from '../api/call-context';
import { appVersion } from '../app-version';
import { resolveParamsSource } from '../models/params-source';
import { writeFileAtomic } from '../param-file/atomic-file';
import type { WorkerPool } from '../workers/worker-pool';
import { datasetExtras } from './dataset-extras';
import { renderHtmlReport, type ReportEntry } from './html-report';

type ReportInput = z.output<(typeof modelCalls)['models.report']['input']>;
type ReportOutput = z.output<(typeof modelCalls)['models.report']['output']>;

/** Builds the report of one model (or a comparison of several) and writes it atomically. */
export async function writeReport(
  db: Database.Database,
  pool: WorkerPool,
  input: ReportInput,
  context: CallContext,
): Promise<ReportOutput> {
  const entries: ReportEntry[] = [];
  for (const [index, source] of input.sources.entries()) {
    context.onProgress({
      phase: 'Measuring models',
      done: index,
      total: input.sources.length,
      unit: 'steps',
      rate: null,
      etaSeconds: null,
    });
    const resolved = resolveParamsSource(db, source);
    const extras = await datasetExtras(db, pool, resolved.document, context.signal);
    entries.push({ label: resolved.label, document: resolved.document, model: resolved.model, extras });
  }
  const title =
    input.title ??
    (entries.length === 1
      ? `Calibration report: ${entries[0]!.label}`
      : `Calibration comparison: ${entries.map((e) => e.label).join(', ')}`);
  const { html, charts } = renderHtmlReport(entries, { title, generatedAt: new Date(), appVersion });
  try {
    writeFileAtomic(input.path, html);
  } catch (error) {
    throw new ApiError('invalid-input', `Cannot write the report ${input.path}.`, String(error));
  }
  return {
    path: input.path,
    bytes: Buffer.byteLength(html),
    charts,
    datasetsFound: entries.map((e) => e.extras.available),
  };
}
