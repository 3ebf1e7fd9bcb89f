import { formatMetric as fmt } from '../flag-values';
import type { ApiClient } from '../../../shared/api/client';
import type { DatasetRef } from '../../../shared/domain/dataset-details';
import type { DiagnosticCi } from '../../../shared/metrics/diagnostic-schema';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { writeParamFile } from '../../engine/param-file/param-file-io';
import type { CliIo } from '../cli-io';
import { withDatasetSource, type SourceRoles } from '../dataset-source';
import { interruptSignal } from '../interrupt-signal';

/** What every kind of `scorecal calibrate` run shares once its flags are read. */
export interface CalibrateContext {
  io: CliIo;
  source: string;
  workspace: string | undefined;
  /** Roles for a file read directly (score, outcome, time and segment columns). */
  roles: SourceRoles;
  /** Absolute path of the parameter file to write, or null. */
  out: string | null;
  json: boolean;
}

export interface WrittenFile {
  path: string;
  bytes: number;
  contentHash: string;
}

/** Runs `work` against the source (dataset or file) with Ctrl+C wired to cancel the call. */
export async function withCalibrateSource<T>(
  context: CalibrateContext,
  work: (client: ApiClient, dataset: DatasetRef, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const interrupt = interruptSignal();
  try {
    return await withDatasetSource(
      context.io,
      context.source,
      { workspace: context.workspace, roles: context.roles, signal: interrupt.signal },
      (client, dataset) => work(client, dataset, interrupt.signal),
    );
  } finally {
    interrupt.dispose();
  }
}

/** Writes a sealed document atomically: the file is complete or absent, never half written. */
export function writeDocument(target: string, document: ParamDocument): WrittenFile {
  const bytes = writeParamFile(target, document);
  return { path: target, bytes, contentHash: document.contentHash.value };
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** A metric with its bootstrap interval, `0.2104 [0.2051, 0.2160]`, or the bare value without one. */
export function withCi(
  value: number | null | undefined,
  ci: DiagnosticCi | null | undefined,
  key: string,
): string {
  const interval = ci?.[key];
  return interval ? `${fmt(value)} [${fmt(interval[0])}, ${fmt(interval[1])}]` : fmt(value);
}
