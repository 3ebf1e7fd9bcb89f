import { useRef } from 'react';
import type { ModelSummary } from '../../../../shared/api/calls/model-calls';
import { formatDateTime, formatDecimal } from '../../format';
import { methodInfo, optionsSummary, validationSummary } from '../shared/calibration-labels';

interface Props {
  models: ModelSummary[];
  selectedId: number | null;
  compareId: number | null;
  onSelect: (id: number) => void;
}

/** Every kept model, newest first; click or arrow keys choose one, whose page opens beneath. */
export function ModelTable({ models, selectedId, compareId, onSelect }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);
  const move = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = models[Math.max(0, Math.min(models.length - 1, index + step))];
    if (!next) return;
    onSelect(next.id);
    body.current?.querySelector<HTMLButtonElement>(`[data-model-id="${next.id}"]`)?.focus();
  };
  return (
    <div className="table-scroll table-scroll--fixed">
      <table
        className="data-table data-table--selectable data-table--compact models-table"
        aria-label="Kept models"
      >
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Dataset</th>
            <th scope="col">Filter</th>
            <th scope="col">Method</th>
            <th scope="col">Validation</th>
            <th scope="col" className="numeric">
              Log loss
            </th>
            <th scope="col" className="numeric">
              Brier
            </th>
            <th scope="col" className="numeric">
              ECE
            </th>
            <th scope="col" className="numeric">
              AUC
            </th>
            <th scope="col">Kept</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {models.map((model, index) => {
            const selected = model.id === selectedId;
            const compared = model.id === compareId;
            return (
              <tr
                key={model.id}
                aria-selected={selected}
                className={selected ? 'is-selected' : compared ? 'is-compared' : undefined}
                onClick={() => onSelect(model.id)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="row-button"
                    data-model-id={model.id}
                    aria-pressed={selected}
                    onClick={() => onSelect(model.id)}
                    onKeyDown={(event) => move(event, index)}
                  >
                    {model.name}
                  </button>
                  {compared ? <span className="badge badge--quiet">Compared</span> : null}
                </th>
                <td>
                  {model.datasetName}
                  {model.datasetId === null ? <span className="muted"> (not in workspace)</span> : null}
                </td>
                <td className="muted">{model.filter ? 'filtered' : 'all rows'}</td>
                <td title={optionsSummary(model.options)}>{methodInfo(model.method).label}</td>
                <td>{validationSummary(model.validation)}</td>
                <td className="numeric">{formatDecimal(model.metrics.logLoss, 4)}</td>
                <td className="numeric">{formatDecimal(model.metrics.brier, 4)}</td>
                <td className="numeric">{formatDecimal(model.metrics.ece, 4)}</td>
                <td className="numeric">{formatDecimal(model.metrics.auc, 4)}</td>
                <td className="nowrap numeric-text">{formatDateTime(model.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
