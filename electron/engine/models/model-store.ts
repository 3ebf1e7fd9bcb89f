import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { ModelDetails, ModelRef, ModelSummary } from '../../../shared/api/calls/model-calls';
import { ParamDocumentSchema, type ParamDocument } from '../../../shared/param-file/param-file-schema';

interface ModelRow {
  id: number;
  name: string;
  created_at: number;
  origin: 'run' | 'file';
  dataset_id: number | null;
  request: string | null;
  document: string;
}

export interface NewModel {
  name: string;
  origin: 'run' | 'file';
  datasetId: number | null;
  document: ParamDocument;
  request: Record<string, unknown> | null;
  /** What the analysis used (AnalysisUsage for a run; the file's provenance for an import). */
  usage: unknown;
  createdAt: number;
}

const SELECT = 'SELECT id, name, created_at, origin, dataset_id, request, document FROM models';

/** Inserts a model; a taken name is a conflict that says so. */
export function insertModel(db: Database.Database, model: NewModel): ModelSummary {
  const doc = model.document;
  if (doc.method === 'segmented-platt') {
    // A model's summary names one calibrator or a script (ModelSummary.method); the segmented
    // calibrator is a file-only result until the model history can show it.
    throw new ApiError(
      'invalid-input',
      'A segmented-platt parameter file cannot be kept as a model yet: apply, verify or report it as a file.',
    );
  }
  try {
    const info = db
      .prepare(
        `INSERT INTO models (name, created_at, origin, dataset_id, dataset_name, dataset_sha256, method, options,
           request, params, test_metrics, ci, usage, validation, content_hash, document)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        model.name,
        model.createdAt,
        model.origin,
        model.datasetId,
        doc.provenance.dataset.name,
        doc.provenance.dataset.sourceSha256,
        doc.method,
        JSON.stringify(doc.options),
        model.request === null ? null : JSON.stringify(model.request),
        JSON.stringify(doc.params),
        JSON.stringify(doc.validationMetrics.calibrated.diagnostic),
        doc.validationMetrics.calibrated.ci === null
          ? null
          : JSON.stringify(doc.validationMetrics.calibrated.ci),
        JSON.stringify(model.usage),
        JSON.stringify(doc.provenance.validation),
        doc.contentHash.value,
        JSON.stringify(doc),
      );
    return getModel(db, { id: Number(info.lastInsertRowid) }).summary;
  } catch (error) {
    throw uniqueNameError(error, model.name);
  }
}

export function listModels(db: Database.Database): ModelSummary[] {
  return (db.prepare(`${SELECT} ORDER BY created_at DESC, id DESC`).all() as ModelRow[]).map(
    (row) => toDetails(row).summary,
  );
}

export function getModel(db: Database.Database, ref: ModelRef): ModelDetails {
  const row = (
    'id' in ref
      ? db.prepare(`${SELECT} WHERE id = ?`).get(ref.id)
      : db.prepare(`${SELECT} WHERE name = ?`).get(ref.name)
  ) as ModelRow | undefined;
  if (!row) {
    throw new ApiError(
      'not-found',
      'id' in ref ? `There is no model with id ${ref.id}.` : `There is no model named "${ref.name}".`,
    );
  }
  return toDetails(row);
}

export function renameModel(db: Database.Database, ref: ModelRef, newName: string): ModelSummary {
  const { summary } = getModel(db, ref);
  try {
    db.prepare('UPDATE models SET name = ? WHERE id = ?').run(newName, summary.id);
  } catch (error) {
    throw uniqueNameError(error, newName);
  }
  return getModel(db, { id: summary.id }).summary;
}

export function deleteModel(db: Database.Database, ref: ModelRef): ModelSummary {
  const { summary } = getModel(db, ref);
  db.prepare('DELETE FROM models WHERE id = ?').run(summary.id);
  return summary;
}

function toDetails(row: ModelRow): ModelDetails {
  const parsed = ParamDocumentSchema.safeParse(JSON.parse(row.document));
  if (!parsed.success) {
    throw new ApiError('workspace', `The stored parameter document of model "${row.name}" is damaged.`);
  }
  const document = parsed.data as ParamDocument;
  if (document.method === 'segmented-platt') {
    // insertModel never stores one; a row that holds one was not written by this build.
    throw new ApiError(
      'workspace',
      `Model "${row.name}" holds a segmented-platt document, which models cannot hold.`,
    );
  }
  const d = document.validationMetrics.calibrated.diagnostic;
  const summary: ModelSummary = {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    method: document.method,
    options: document.options,
    datasetId: row.dataset_id,
    datasetName: document.provenance.dataset.name,
    datasetSha256: document.provenance.dataset.sourceSha256,
    scoreColumn: document.provenance.columns.score,
    outcomeColumn: document.provenance.columns.outcome,
    filter: document.provenance.filter,
    validation: document.provenance.validation,
    metrics: {
      n: d.n,
      positives: d.positives,
      brier: d.brier,
      logLoss: d.logLoss,
      ece: d.ece,
      auc: d.auc,
      oeRatio: d.oeRatio,
      slope: d.slope,
    },
    hasIntervals: document.validationMetrics.calibrated.ci !== null,
    contentHash: document.contentHash.value,
    origin: row.origin,
  };
  return {
    summary,
    document,
    request: row.request === null ? null : (JSON.parse(row.request) as Record<string, unknown>),
  };
}

function uniqueNameError(error: unknown, name: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new ApiError('conflict', `A model named "${name}" already exists; choose another name.`);
  }
  return error;
}
