import type { ApiError } from '../../../../shared/api/api-error';
import type { SegmentedOutput } from '../../../../shared/api/calls/calibration-calls';
import { CopyTableButton } from '../../components/CopyTableButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { TrafficLight } from '../../components/TrafficLight';
import { formatCount, formatDecimal } from '../../format';

interface Props {
  segmentColumns: string[];
  column: string | null;
  minEvents: number;
  onChange: (patch: { segmentColumn?: string; minEvents?: number }) => void;
  result: SegmentedOutput | null;
  busy: boolean;
  error: ApiError | null;
}

const three = (value: number | null | undefined) => formatDecimal(value ?? null, 3);
const four = (value: number | null | undefined) => formatDecimal(value ?? null, 4);

/**
 * Per-segment Platt maps: each segment's own (intercept, slope), how far it is shrunk toward the
 * global map (λ: 0 keeps the global value, 1 the segment's own), which map it ends up using, and
 * out of sample on the segment's test rows, the global map against the segmented one.
 */
export function SegmentCalibrationPanel({
  segmentColumns,
  column,
  minEvents,
  onChange,
  result,
  busy,
  error,
}: Props) {
  const rows = () => [
    [
      'Segment',
      'Train rows',
      'Train events',
      'Map',
      'Raw intercept',
      'Raw slope',
      'Raw intercept SE',
      'Raw slope SE',
      'λ intercept',
      'λ slope',
      'Intercept',
      'Slope',
      'Test rows',
      'O/E global',
      'O/E segmented',
      'Log loss global',
      'Log loss segmented',
      'Light global',
      'Light segmented',
    ],
    ...(result?.segments ?? []).map((s) => [
      s.label,
      String(s.trainRows),
      String(s.trainEvents),
      s.map,
      String(s.raw?.intercept ?? ''),
      String(s.raw?.slope ?? ''),
      String(s.raw?.interceptSe ?? ''),
      String(s.raw?.slopeSe ?? ''),
      String(s.shrinkage?.intercept ?? ''),
      String(s.shrinkage?.slope ?? ''),
      String(s.intercept),
      String(s.slope),
      String(s.testSegmented.n),
      String(s.testGlobal.oeRatio ?? ''),
      String(s.testSegmented.oeRatio ?? ''),
      String(s.testGlobal.logLoss ?? ''),
      String(s.testSegmented.logLoss ?? ''),
      s.testGlobal.light ?? '',
      s.testSegmented.light ?? '',
    ]),
  ];
  const test = result?.test;
  return (
    <Panel
      title="Segment calibration"
      subtitle={
        result
          ? `Platt map per segment, shrunk toward the global map (τ² intercept ${result.tau2.intercept.toExponential(2)}, slope ${result.tau2.slope.toExponential(2)}); fitted on ${formatCount(result.rows.train)} rows, tested on ${formatCount(result.rows.test)}`
          : 'Platt map per segment, shrunk toward the global map'
      }
      busy={busy}
      actions={
        <>
          <label className="field field--inline">
            <span className="field__label">Segment column</span>
            <select
              className="select"
              value={column ?? ''}
              disabled={segmentColumns.length === 0}
              onChange={(event) => onChange({ segmentColumn: event.target.value })}
            >
              {segmentColumns.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label
            className="field field--inline"
            title="Segments with fewer training events (or non-events) keep the global map"
          >
            <span className="field__label">Min. events</span>
            <input
              type="number"
              className="input input--number"
              min={1}
              value={minEvents}
              onChange={(event) => {
                const value = Math.round(Number(event.target.value));
                if (value >= 1 && value <= 1_000_000) onChange({ minEvents: value });
              }}
            />
          </label>
          <CopyTableButton rows={rows} />
        </>
      }
    >
      {error ? <ErrorBanner error={error} /> : null}
      {segmentColumns.length === 0 ? (
        <p className="notice">
          This dataset has no segment column. Give a category column the role “segment” when importing to fit
          per-segment maps.
        </p>
      ) : (
        <>
          {test ? (
            <p className="usage-line">
              <span>Out of sample, every test row:</span>
              <span>
                log loss raw <strong>{four(test.uncalibrated.logLoss)}</strong> · global map{' '}
                <strong>{four(test.global.logLoss)}</strong> · segmented{' '}
                <strong>{four(test.segmented.logLoss)}</strong>
              </span>
              <span>
                ECE raw {four(test.uncalibrated.ece)} · global {four(test.global.ece)} · segmented{' '}
                {four(test.segmented.ece)}
              </span>
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="data-table data-table--compact segment-table" aria-label="Segment calibration">
              <thead>
                <tr className="segment-table__groups">
                  <th scope="colgroup" colSpan={4} />
                  <th scope="colgroup" colSpan={2} className="numeric">
                    Own fit
                  </th>
                  <th scope="colgroup" colSpan={2} className="numeric">
                    Shrinkage λ
                  </th>
                  <th scope="colgroup" colSpan={2} className="numeric">
                    Map used
                  </th>
                  <th scope="colgroup" colSpan={3} className="numeric">
                    Out of sample: global map
                  </th>
                  <th scope="colgroup" colSpan={3} className="numeric">
                    Out of sample: segmented
                  </th>
                </tr>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="numeric">
                    Train rows
                  </th>
                  <th scope="col" className="numeric">
                    Events
                  </th>
                  <th scope="col">Map</th>
                  <th scope="col" className="numeric">
                    Intercept
                  </th>
                  <th scope="col" className="numeric">
                    Slope
                  </th>
                  <th scope="col" className="numeric">
                    Intercept
                  </th>
                  <th scope="col" className="numeric">
                    Slope
                  </th>
                  <th scope="col" className="numeric">
                    Intercept
                  </th>
                  <th scope="col" className="numeric">
                    Slope
                  </th>
                  <th scope="col" className="numeric">
                    O/E
                  </th>
                  <th scope="col" className="numeric">
                    Log loss
                  </th>
                  <th scope="col">Light</th>
                  <th scope="col" className="numeric">
                    O/E
                  </th>
                  <th scope="col" className="numeric">
                    Log loss
                  </th>
                  <th scope="col">Light</th>
                </tr>
              </thead>
              <tbody>
                {(result?.segments ?? []).map((s) => {
                  const improved =
                    s.testSegmented.logLoss !== null &&
                    s.testGlobal.logLoss !== null &&
                    s.testSegmented.logLoss < s.testGlobal.logLoss;
                  return (
                    <tr key={s.label} data-segment={s.label}>
                      <th scope="row">{s.label}</th>
                      <td className="numeric">{formatCount(s.trainRows)}</td>
                      <td className="numeric">{formatCount(s.trainEvents)}</td>
                      <td>
                        <span className={`badge ${s.map === 'own' ? 'badge--best' : 'badge--quiet'}`}>
                          {s.map === 'own' ? 'Own' : 'Global'}
                        </span>
                      </td>
                      <td
                        className="numeric"
                        title={s.raw ? `standard error ${three(s.raw.interceptSe)}` : undefined}
                      >
                        {three(s.raw?.intercept)}
                      </td>
                      <td
                        className="numeric"
                        title={s.raw ? `standard error ${three(s.raw.slopeSe)}` : undefined}
                      >
                        {three(s.raw?.slope)}
                      </td>
                      <td className="numeric">{three(s.shrinkage?.intercept)}</td>
                      <td className="numeric">{three(s.shrinkage?.slope)}</td>
                      <td className="numeric">{three(s.intercept)}</td>
                      <td className="numeric">{three(s.slope)}</td>
                      <td className="numeric">{formatDecimal(s.testGlobal.oeRatio, 2)}</td>
                      <td className="numeric">{four(s.testGlobal.logLoss)}</td>
                      <td>
                        <TrafficLight light={s.testGlobal.light} />
                      </td>
                      <td className="numeric">{formatDecimal(s.testSegmented.oeRatio, 2)}</td>
                      <td className="numeric">
                        <span className={improved ? 'delta delta--better' : undefined}>
                          {four(s.testSegmented.logLoss)}
                        </span>
                      </td>
                      <td>
                        <TrafficLight light={s.testSegmented.light} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
