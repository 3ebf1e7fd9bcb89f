import type { modelCalls } from '../../../shared/api/calls/model-calls';
import { ApiError } from '../../../shared/api/api-error';
import type { Handlers } from '../api/handlers';
import { applyModel } from '../models/apply-model';
import { documentFromRun } from '../models/document-from-run';
import { deleteModel, getModel, insertModel, listModels, renameModel } from '../models/model-store';
import { readParamFile, verifyParamFile, writeParamFile } from '../param-file/param-file-io';
import { writeReport } from '../report/write-report';
import type { EngineServices } from './engine-services';

/**
 * Saved models and parameter files. A model is saved from a finished calibration run (input and
 * answer), not re-fitted: saving is instant whatever the bootstrap cost, and the model's metrics
 * are exactly the ones the user looked at. The engine re-validates the run and takes provenance
 * from its own record of the dataset.
 */
export function modelHandlers(services: EngineServices): Pick<Handlers, keyof typeof modelCalls> {
  const db = () => services.workspace.db;
  return {
    'models.save': async (input) => {
      const { document, datasetId } = documentFromRun(
        db(),
        input.run,
        input.method,
        input.resultIndex,
        new Date(),
      );
      return insertModel(db(), {
        name: input.name,
        origin: 'run',
        datasetId,
        document,
        request: input.run.input as unknown as Record<string, unknown>,
        usage: input.run.output.usage,
        createdAt: Date.now(),
      });
    },
    'models.list': async () => ({ models: listModels(db()) }),
    'models.get': async (input) => getModel(db(), input),
    'models.rename': async (input) => renameModel(db(), input.model, input.newName),
    'models.delete': async (input) => ({ deleted: deleteModel(db(), input.model) }),
    'models.exportParams': async (input) => {
      const { document } = getModel(db(), input.model);
      const bytes = writeParamFile(input.path, document);
      return { path: input.path, bytes, contentHash: document.contentHash.value };
    },
    'models.writeRunParams': async (input) => {
      const { document } = documentFromRun(db(), input.run, input.method, input.resultIndex, new Date());
      const bytes = writeParamFile(input.path, document);
      return { path: input.path, bytes, contentHash: document.contentHash.value, document };
    },
    'models.verifyParams': async (input) => {
      const verdict = verifyParamFile(input.path);
      return verdict.ok
        ? { ok: true, passed: verdict.passed, failedCheck: null, message: null, document: verdict.document }
        : {
            ok: false,
            passed: verdict.passed,
            failedCheck: verdict.failedCheck,
            message: verdict.message,
            document: null,
          };
    },
    'models.importParams': async (input) => {
      const document = readParamFile(input.path);
      if (!input.saveAs) return { document, model: null };
      const recorded = document.provenance.dataset;
      const match = db()
        .prepare('SELECT id FROM datasets WHERE source_sha256 = ? AND name = ?')
        .pluck()
        .get(recorded.sourceSha256, recorded.name) as number | undefined;
      const model = insertModel(db(), {
        name: input.saveAs,
        origin: 'file',
        datasetId: match ?? null,
        document,
        request: null,
        usage: { columns: document.provenance.columns, rows: document.provenance.rows },
        createdAt: Date.now(),
      });
      return { document, model };
    },
    'models.apply': (input, context) => applyModel(db(), services.pool, input, context),
    'models.report': (input, context) => {
      if (input.sources.length === 0)
        throw new ApiError('invalid-input', 'Name at least one model to report.');
      return writeReport(db(), services.pool, input, context);
    },
  };
}
