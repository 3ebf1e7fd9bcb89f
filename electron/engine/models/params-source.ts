import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ModelSummary, ParamsSource } from '../../../shared/api/calls/model-calls';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { readParamFile } from '../param-file/param-file-io';
import { getModel } from './model-store';

export interface ResolvedParams {
  document: ParamDocument;
  /** The saved model, when the source is one. */
  model: ModelSummary | null;
  /** How the source is named in messages and reports. */
  label: string;
}

/** A saved model's document, or a parameter file read with every check. */
export function resolveParamsSource(db: Database.Database, source: ParamsSource): ResolvedParams {
  if ('model' in source) {
    const { summary, document } = getModel(db, source.model);
    return { document, model: summary, label: summary.name };
  }
  // The file name, not the path: reports travel, and folder names can say more than intended.
  return { document: readParamFile(source.paramsPath), model: null, label: path.basename(source.paramsPath) };
}
