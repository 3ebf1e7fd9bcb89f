import type { DatasetDetails } from '../../../../shared/domain/dataset-details';

/** The columns of a dataset that the Diagnose view works with, by role. */
export interface DiagnoseColumns {
  score: string | null;
  outcome: string | null;
  time: { column: string; min: number; max: number } | null;
  segments: string[];
}

export function diagnoseColumns(details: DatasetDetails): DiagnoseColumns {
  const byRole = (role: string) => details.columns.find((column) => column.role === role) ?? null;
  const time = byRole('time');
  return {
    score: byRole('score')?.name ?? null,
    outcome: byRole('outcome')?.name ?? null,
    time:
      time && time.min !== null && time.max !== null
        ? { column: time.name, min: time.min, max: time.max }
        : null,
    segments: details.columns
      .filter((column) => column.role === 'segment' && column.kind === 'category')
      .map((column) => column.name),
  };
}
