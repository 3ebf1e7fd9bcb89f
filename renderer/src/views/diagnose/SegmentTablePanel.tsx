import type { ApiError } from '../../../../shared/api/api-error';
import type { GroupCalibrationJson } from '../../../../shared/api/calls/analysis-calls';
import { CopyTableButton } from '../../components/CopyTableButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { TrafficLight } from '../../components/TrafficLight';
import { formatCount, formatDecimal, formatPercent, formatPValue } from '../../format';
import { LightLegend } from './LightLegend';

interface Props {
  segmentColumns: string[];
  column: string | null;
  onColumnChange: (column: string) => void;
  groups: GroupCalibrationJson[] | null;
  busy: boolean;
  error: ApiError | null;
}

const HEADERS = [
  'Segment',
  'Rows',
  'Events',
  'Observed',
  'Predicted',
  'O/E',
  'Brier',
  'ECE',
  'Jeffreys p',
  'Light',
];

/** Calibration per value of a segment column, largest segments first, each with its traffic light. */
export function SegmentTablePanel({ segmentColumns, column, onColumnChange, groups, busy, error }: Props) {
  const sorted = groups ? [...groups].sort((a, b) => b.n - a.n) : null;
  const rows = () => [
    HEADERS,
    ...(sorted ?? []).map((group) => [
      group.label,
      String(group.n),
      String(group.positives),
      group.observedRate === null ? '' : String(group.observedRate),
      group.meanPredicted === null ? '' : String(group.meanPredicted),
      group.oeRatio === null ? '' : String(group.oeRatio),
      group.brier === null ? '' : String(group.brier),
      group.ece === null ? '' : String(group.ece),
      group.jeffreysP === null ? '' : String(group.jeffreysP),
      group.light ?? '',
    ]),
  ];

  return (
    <Panel
      title="Calibration by segment"
      subtitle={<LightLegend />}
      busy={busy}
      actions={
        <>
          {segmentColumns.length > 0 ? (
            <label className="field field--inline">
              <span className="field__label">Segment column</span>
              <select
                className="select"
                value={column ?? ''}
                onChange={(event) => onColumnChange(event.target.value)}
              >
                {segmentColumns.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <CopyTableButton rows={rows} />
        </>
      }
    >
      {error ? <ErrorBanner error={error} /> : null}
      {segmentColumns.length === 0 ? (
        <p className="notice">
          This dataset has no segment column. Give a category column the role “segment” when importing to
          compare calibration across segments.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact" aria-label="Calibration by segment">
            <thead>
              <tr>
                {HEADERS.map((header, index) => (
                  <th key={header} scope="col" className={index > 0 && index < 9 ? 'numeric' : undefined}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted?.map((group) => (
                <tr key={group.key}>
                  <th scope="row">{group.label}</th>
                  <td className="numeric">{formatCount(group.n)}</td>
                  <td className="numeric">{formatCount(group.positives)}</td>
                  <td className="numeric">{formatPercent(group.observedRate)}</td>
                  <td className="numeric">{formatPercent(group.meanPredicted)}</td>
                  <td className="numeric">{formatDecimal(group.oeRatio, 3)}</td>
                  <td className="numeric">{formatDecimal(group.brier, 4)}</td>
                  <td className="numeric">{formatDecimal(group.ece, 4)}</td>
                  <td className="numeric">{formatPValue(group.jeffreysP)}</td>
                  <td>
                    <TrafficLight light={group.light} />
                  </td>
                </tr>
              )) ?? (
                <tr>
                  <td colSpan={HEADERS.length} className="muted">
                    Computing…
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
