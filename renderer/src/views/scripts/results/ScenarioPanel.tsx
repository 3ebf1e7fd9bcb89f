import type { ScenarioReport, ScenarioRow } from '../../../../../shared/scripting/scenario-report';
import { CopyTableButton } from '../../../components/CopyTableButton';
import { Panel } from '../../../components/Panel';
import { formatCount, formatDecimal, formatPercent } from '../../../format';

const events = (value: number) => formatDecimal(value, 1);

function ScenarioRowCells({ row }: { row: ScenarioRow }) {
  return (
    <>
      <td className="numeric">{formatCount(row.n)}</td>
      <td className="numeric">{formatCount(row.observedEvents)}</td>
      <td className="numeric">{formatPercent(row.observedRate)}</td>
      <td className="numeric">{events(row.baselineEvents)}</td>
      <td className="numeric">{formatPercent(row.baselineRate)}</td>
      <td className="numeric">{events(row.stressedEvents)}</td>
      <td className="numeric">{formatPercent(row.stressedRate)}</td>
      <td className="numeric scenario-ratio">
        {row.ratio === null ? '—' : `× ${formatDecimal(row.ratio, 3)}`}
      </td>
    </>
  );
}

const HEAD = [
  'Rows',
  'Observed events',
  'Observed rate',
  'Baseline events',
  'Baseline rate',
  'Stressed events',
  'Stressed rate',
  'Stressed / baseline',
];

/**
 * The script's stress scenario: predicted events over every used row as the rows are and as the
 * scenario transformed them, overall and per segment, beside the events observed.
 */
export function ScenarioPanel({ scenario }: { scenario: ScenarioReport }) {
  const copy = () => {
    const line = (group: string, row: ScenarioRow) => [
      group,
      row.segment,
      ...[
        row.n,
        row.observedEvents,
        row.observedRate,
        row.baselineEvents,
        row.baselineRate,
        row.stressedEvents,
        row.stressedRate,
        row.ratio,
      ].map((value) => (value === null ? '' : String(value))),
    ];
    return [
      ['Group', 'Segment', ...HEAD],
      line('Overall', scenario.overall),
      ...scenario.bySegment.flatMap((table) => table.rows.map((row) => line(table.column, row))),
    ];
  };
  return (
    <Panel
      title={`Scenario: ${scenario.name}`}
      subtitle="Every used row (training and test) scored as it is (baseline) and as the scenario transforms it (stressed)"
      actions={<CopyTableButton rows={copy} />}
    >
      <div className="table-scroll">
        <table className="data-table data-table--compact scenario-table" aria-label="Scenario">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {HEAD.map((label) => (
                <th key={label} scope="col" className="numeric">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="scenario-table__overall" data-segment="all">
              <th scope="row">All rows</th>
              <ScenarioRowCells row={scenario.overall} />
            </tr>
          </tbody>
          {scenario.bySegment.map((table) => (
            <tbody key={table.column}>
              <tr className="scenario-table__group">
                <th scope="rowgroup" colSpan={HEAD.length + 1}>
                  By {table.column}
                </th>
              </tr>
              {table.rows.map((row) => (
                <tr key={row.segment} data-segment={row.segment}>
                  <th scope="row">{row.segment}</th>
                  <ScenarioRowCells row={row} />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </Panel>
  );
}
