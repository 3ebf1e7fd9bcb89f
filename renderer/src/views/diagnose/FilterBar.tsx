import type { DatasetFilter } from '../../../../shared/domain/dataset-filter';
import { formatDate } from '../../format';
import { SegmentFilter } from './SegmentFilter';

const DAY_MS = 86_400_000;

interface Props {
  filter: DatasetFilter;
  onChange: (filter: DatasetFilter) => void;
  /** The time column's name and range, or null when the dataset has none. */
  time: { column: string; min: number; max: number } | null;
  segmentColumns: string[];
  segmentValues: Record<string, string[]> | null;
}

/** A date input's value (UTC day) as epoch ms, or null when empty or invalid. */
function dayToEpoch(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Which rows the diagnosis reads: a time range in whole UTC days (the end day included) and kept
 * values per segment column. Every change applies at once.
 */
export function FilterBar({ filter, onChange, time, segmentColumns, segmentValues }: Props) {
  const from = filter.timeRange?.from ?? null;
  const to = filter.timeRange?.to ?? null;
  const setTime = (nextFrom: number | null, nextTo: number | null) => {
    const { timeRange: _dropped, ...rest } = filter;
    onChange(
      nextFrom === null && nextTo === null ? rest : { ...rest, timeRange: { from: nextFrom, to: nextTo } },
    );
  };
  const selectedOf = (column: string) => filter.segments.find((s) => s.column === column)?.values ?? [];
  const setSegment = (column: string, values: string[]) => {
    const others = filter.segments.filter((s) => s.column !== column);
    onChange({ ...filter, segments: values.length === 0 ? others : [...others, { column, values }] });
  };
  const active = from !== null || to !== null || filter.segments.length > 0;

  return (
    <div className="filter-bar" role="group" aria-label="Row filter">
      <span className="filter-bar__title">Filter</span>
      {time ? (
        <div className="filter-bar__time">
          <label className="field field--inline">
            <span className="field__label">From</span>
            <input
              type="date"
              className="input input--date"
              aria-label={`From day (UTC) of ${time.column}`}
              min={formatDate(time.min)}
              max={formatDate(time.max)}
              value={from === null ? '' : formatDate(from)}
              onChange={(event) => setTime(dayToEpoch(event.target.value), to)}
            />
          </label>
          <label className="field field--inline">
            <span className="field__label">to</span>
            <input
              type="date"
              className="input input--date"
              aria-label={`To day (UTC, included) of ${time.column}`}
              min={formatDate(time.min)}
              max={formatDate(time.max)}
              value={to === null ? '' : formatDate(to - DAY_MS)}
              onChange={(event) => {
                const day = dayToEpoch(event.target.value);
                setTime(from, day === null ? null : day + DAY_MS);
              }}
            />
          </label>
          <span className="muted filter-bar__unit">UTC</span>
        </div>
      ) : (
        <span className="muted">No time column</span>
      )}
      {segmentColumns.map((column) => (
        <SegmentFilter
          key={column}
          column={column}
          values={segmentValues?.[column] ?? null}
          selected={selectedOf(column)}
          onChange={(values) => setSegment(column, values)}
        />
      ))}
      <button
        type="button"
        className="button button--small button--quiet"
        disabled={!active}
        onClick={() => onChange({ segments: [], ranges: [] })}
      >
        Clear filter
      </button>
    </div>
  );
}
