import type { ImportPreview } from '../../../../../shared/domain/import-preview';

const SHOWN_ROWS = 50;

/** The first rows as the file has them, before any parsing: what the mapping is judged against. */
export function PreviewRowsTable({ preview }: { preview: ImportPreview }) {
  return (
    <div className="table-scroll table-scroll--fixed">
      <table className="data-table data-table--compact data-table--raw" aria-label="First rows of the file">
        <thead>
          <tr>
            <th scope="col" className="numeric">
              #
            </th>
            {preview.header.map((name, index) => (
              <th key={index} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, SHOWN_ROWS).map((row, rowIndex) => (
            <tr key={rowIndex}>
              <td className="numeric muted">{rowIndex + 1}</td>
              {row.map((cell, cellIndex) => (
                <td key={cellIndex}>{cell ?? <span className="muted">·</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
