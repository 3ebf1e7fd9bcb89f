import { useRef } from 'react';

interface Props {
  column: string;
  /** Every value of the column; null while they are read. */
  values: string[] | null;
  /** The values kept; empty: no filter on this column. */
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A drop-down of checkboxes over one segment column's values; Escape closes it. */
export function SegmentFilter({ column, values, selected, onChange }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const summary =
    selected.length === 0
      ? 'all'
      : selected.length <= 2
        ? selected.join(', ')
        : `${selected.length} of ${values?.length ?? '?'}`;
  const setChecked = (value: string, checked: boolean) => {
    if (!values) return;
    const current = selected.length === 0 ? values : selected;
    const next = checked ? [...current, value] : current.filter((v) => v !== value);
    // A filter that keeps no row answers nothing; one that keeps every value is no filter.
    if (next.length === 0) return;
    onChange(next.length === values.length ? [] : values.filter((v) => next.includes(v)));
  };
  return (
    <details
      ref={details}
      className="dropdown"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          event.stopPropagation();
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="dropdown__summary" aria-label={`Filter ${column}: ${summary}`}>
        <span className="dropdown__label">{column}</span>
        <span className="dropdown__value">{summary}</span>
      </summary>
      <div className="dropdown__menu" role="group" aria-label={`Values of ${column}`}>
        {values === null ? (
          <p className="muted">Reading values…</p>
        ) : (
          <>
            <div className="dropdown__tools">
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => onChange([])}
              >
                All
              </button>
            </div>
            <div className="dropdown__options">
              {values.map((value) => (
                <label key={value} className="check">
                  <input
                    type="checkbox"
                    checked={selected.length === 0 || selected.includes(value)}
                    onChange={(event) => setChecked(value, event.target.checked)}
                  />
                  <span>{value}</span>
                </label>
              ))}
            </div>
          </>
        )}
      </div>
    </details>
  );
}
