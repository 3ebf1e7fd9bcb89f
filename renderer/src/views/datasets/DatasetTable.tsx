import { useRef } from 'react';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatPercent,
  formatRange,
  shortHash,
} from '../../format';

interface Props {
  datasets: DatasetSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
}

/**
 * The workspace's datasets. A row is chosen with a click or, from its name, with the arrow keys;
 * Enter on a name opens the dataset in Diagnose.
 */
export function DatasetTable({ datasets, selectedId, onSelect, onOpen }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);

  const moveSelection = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = datasets[Math.max(0, Math.min(datasets.length - 1, index + step))];
    if (!next) return;
    onSelect(next.id);
    body.current?.querySelector<HTMLButtonElement>(`[data-dataset-id="${next.id}"]`)?.focus();
  };

  return (
    <div className="table-scroll">
      <table className="data-table data-table--selectable" aria-label="Datasets in the workspace">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="numeric">
              Rows
            </th>
            <th scope="col" className="numeric">
              Base rate
            </th>
            <th scope="col">Time range (UTC)</th>
            <th scope="col">Source file</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {datasets.map((dataset, index) => {
            const selected = dataset.id === selectedId;
            return (
              <tr
                key={dataset.id}
                aria-selected={selected}
                className={selected ? 'is-selected' : undefined}
                onClick={() => onSelect(dataset.id)}
                onDoubleClick={() => onOpen(dataset.id)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="row-button"
                    data-dataset-id={dataset.id}
                    aria-pressed={selected}
                    onClick={() => onSelect(dataset.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        onOpen(dataset.id);
                      } else moveSelection(event, index);
                    }}
                  >
                    {dataset.name}
                  </button>
                </th>
                <td className="numeric">{formatCount(dataset.rows)}</td>
                <td className="numeric">{formatPercent(dataset.baseRate)}</td>
                <td className="nowrap numeric-text">{formatRange(dataset.timeMin, dataset.timeMax)}</td>
                <td>
                  {dataset.sourceName} <span className="muted">({formatBytes(dataset.sourceBytes)})</span>
                </td>
                <td>
                  <code title={dataset.sourceSha256}>{shortHash(dataset.sourceSha256)}…</code>
                </td>
                <td className="nowrap numeric-text">{formatDateTime(dataset.importedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
