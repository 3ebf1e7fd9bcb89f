import type { DatasetDetails } from '../../../../shared/domain/dataset-details';
import { useApi } from '../../api/api-context';
import { useEngineQuery, type EngineQuery } from '../../api/use-engine-query';
import { diagnoseColumns, type DiagnoseColumns } from '../diagnose/diagnose-columns';

export interface DatasetColumns {
  details: EngineQuery<DatasetDetails>;
  /** null while the details are read. */
  columns: DiagnoseColumns | null;
  /** Whether the dataset has a score and an outcome, i.e. can be analysed at all. */
  usable: boolean;
  /** Numeric feature columns (e.g. realized volatility), for regimes. */
  numericFeatures: string[];
  /** Every value of each segment column (read without the filter, which offers them all). */
  segmentValues: Record<string, string[]> | null;
}

/** A dataset's columns by role and its segment values: what the filter bar and the settings offer. */
export function useDatasetColumns(id: number): DatasetColumns {
  const api = useApi();
  const details = useEngineQuery(`show:${id}`, () => api.call('datasets.show', { id }));
  const columns = details.value ? diagnoseColumns(details.value) : null;
  const usable = columns !== null && columns.score !== null && columns.outcome !== null;
  const segmentColumns = columns?.segments ?? [];
  const segmentValues = useEngineQuery<Record<string, string[]>>(
    usable && segmentColumns.length > 0 ? `values:${id}:${segmentColumns.join('\u0000')}` : null,
    async (options) => {
      const answers = await Promise.all(
        segmentColumns.map((column) =>
          api.call(
            'analysis.groups',
            { dataset: { id }, by: { kind: 'segment', column } },
            { signal: options.signal },
          ),
        ),
      );
      return Object.fromEntries(
        answers.map((answer, index) => [
          segmentColumns[index] as string,
          answer.groups.map((group) => group.label).sort((a, b) => a.localeCompare(b)),
        ]),
      );
    },
  );
  const numericFeatures =
    details.value?.columns
      .filter(
        (column) =>
          (column.kind === 'number' || column.kind === 'integer') &&
          column.role !== 'score' &&
          column.role !== 'outcome' &&
          column.role !== 'id' &&
          column.role !== 'weight',
      )
      .map((column) => column.name) ?? [];
  return { details, columns, usable, numericFeatures, segmentValues: segmentValues.value };
}

/** The column a setting names while the dataset still has it; otherwise the first one (null: none). */
export function chosenColumn(chosen: string | null, available: readonly string[]): string | null {
  return chosen && available.includes(chosen) ? chosen : (available[0] ?? null);
}
