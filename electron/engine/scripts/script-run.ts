import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ScriptRunResult, scriptCalls } from '../../../shared/api/calls/script-calls';
import type { ScenarioReport } from '../../../shared/scripting/scenario-report';
import type { CallContext } from '../api/call-context';
import { appVersion } from '../app-version';
import { insertModel } from '../models/model-store';
import { sealParamDocument } from '../param-file/param-file-io';
import type { WorkerPool } from '../workers/worker-pool';
import { checkpoint } from './call-checkpoint';
import { checkFitReport } from './fit-report-checks';
import { measureScores, type MeasuredScores } from './measure-scores';
import { productionTestRows, testRowsOf } from './production-scores';
import { receivedProbabilities } from './received-scores';
import { scenarioReport, segmentCodes } from './scenario-summary';
import { buildScriptDocument } from './script-document';
import { resolveScriptRows } from './script-selection';
import { getScriptVersion } from './script-store';
import { uniqueModelName } from './unique-model-name';

type SaveRunInput = z.output<(typeof scriptCalls)['scripts.saveRun']['input']>;

const WHAT = 'Saving the script run';

/**
 * `scripts.saveRun`: measures a script the sandbox fitted and keeps it as a model. Nothing from the
 * client is taken on trust: the source is the saved version's, the split is recomputed from the
 * selection exactly as `scripts.data` made it, every probability is checked, and every metric is
 * computed here from the returned scores by the engine's own diagnostic.
 */
export async function saveScriptRun(
  db: Database.Database,
  pool: WorkerPool,
  input: SaveRunInput,
  context: CallContext,
): Promise<ScriptRunResult> {
  const steps = input.scenario ? 5 : 4;
  await checkpoint(context, WHAT, 'Checking the fit', 0, steps);
  const saved = getScriptVersion(db, input.script, input.version);
  const rows = resolveScriptRows(db, input.selection);
  checkFitReport(input.fit, rows);
  const testScores = receivedProbabilities(input.testScores, rows.rows.test, 'testScores', 'test rows');
  const scenarioScores = input.scenario
    ? {
        baseline: receivedProbabilities(
          input.scenario.baseline,
          rows.rows.used,
          'scenario.baseline',
          'used rows',
        ),
        stressed: receivedProbabilities(
          input.scenario.stressed,
          rows.rows.used,
          'scenario.stressed',
          'used rows',
        ),
      }
    : null;

  await checkpoint(context, WHAT, 'Measuring the script', 1, steps);
  const request = { bins: input.bins, binning: input.binning, bootstrap: input.bootstrap };
  const script = await measureScores(pool, testRowsOf(rows, testScores), request, context);

  await checkpoint(context, WHAT, 'Measuring the production score', 2, steps);
  const productionRows = productionTestRows(db, rows);
  const production: MeasuredScores | null = productionRows
    ? await measureScores(pool, productionRows, request, context)
    : null;

  let scenario: ScenarioReport | null = null;
  if (scenarioScores) {
    await checkpoint(context, WHAT, 'Summing the scenario', 3, steps);
    scenario = scenarioReport({
      // A scenario without a declared name is still reported; it is named by what it is.
      name: input.fit.scenario ?? 'scenario',
      y: rows.y,
      w: rows.w,
      ...scenarioScores,
      segments: segmentCodes(db, rows),
    });
  }

  await checkpoint(context, WHAT, 'Saving the model', steps - 1, steps);
  const dataset = rows.details.summary;
  const document = sealParamDocument(
    buildScriptDocument({
      dataset,
      selection: input.selection,
      rows,
      script: {
        name: saved.summary.name,
        version: saved.version.version,
        sha256: saved.version.sha256,
        source: saved.version.source,
      },
      fit: input.fit,
      scenarioName: scenario?.name ?? null,
      measured: { script, production },
      request,
      appVersion,
      createdAt: new Date(),
    }),
  );
  const name =
    input.name ?? uniqueModelName(db, `${saved.summary.name} v${saved.version.version} on ${dataset.name}`);
  const model = insertModel(db, {
    name,
    origin: 'run',
    datasetId: dataset.id,
    document,
    // What the run was asked, without the scores (the document holds every number kept).
    request: {
      kind: 'script-run',
      script: { id: saved.summary.id, name: saved.summary.name },
      version: saved.version.version,
      selection: input.selection,
      fit: input.fit,
      bins: input.bins,
      binning: input.binning,
      bootstrap: input.bootstrap ?? null,
    },
    usage: {
      datasetId: dataset.id,
      datasetName: dataset.name,
      scoreColumn: rows.score?.column.name ?? null,
      scoreInput: rows.score?.scoreInput ?? null,
      outcomeColumn: rows.outcome.name,
      weightColumn: rows.weight?.name ?? null,
      rows: rows.rows,
    },
    createdAt: Date.now(),
  });
  context.onProgress({
    phase: 'Saving the model',
    done: steps,
    total: steps,
    unit: 'steps',
    rate: null,
    etaSeconds: null,
  });
  return {
    model,
    test: {
      rows: rows.rows.test,
      script,
      production: production && rows.score ? { column: rows.score.column.name, ...production } : null,
    },
    scenario,
  };
}
