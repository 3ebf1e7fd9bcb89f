import type { ImportPreview } from '../../../../../shared/domain/import-preview';
import type { ReadOptions } from '../../../../../shared/domain/import-options';
import { formatBytes, formatCount } from '../../../format';

interface Props {
  preview: ImportPreview;
  read: ReadOptions;
  onChange: (read: ReadOptions) => void;
  disabled: boolean;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const delimiterName = (d: string | null) => (d === null ? '—' : (DELIMITER_NAMES[d] ?? `“${d}”`));

/** What was detected about the file, each choice overridable (which reads the preview again). */
export function ReadOptionsBar({ preview, read, onChange, disabled }: Props) {
  const text = preview.format !== 'parquet';
  const set = <K extends keyof ReadOptions>(key: K, value: string) => {
    const next = { ...read };
    if (value === '') delete next[key];
    else next[key] = value as ReadOptions[K];
    onChange(next);
  };
  return (
    <div className="read-options">
      <p className="read-options__facts">
        <span>
          <strong>{preview.format === 'jsonl' ? 'JSON Lines' : preview.format.toUpperCase()}</strong>
          {preview.compression === 'gzip' ? ' (gzip)' : ''}
        </span>
        <span>{formatBytes(preview.bytes)}</span>
        <span>
          {preview.totalRows === null
            ? `${formatCount(preview.rows.length)} rows previewed`
            : `${formatCount(preview.totalRows)} rows`}
        </span>
        <span>{formatCount(preview.header.length)} columns</span>
      </p>
      <div className="read-options__choices">
        <label className="field field--inline">
          <span className="field__label">Format</span>
          <select
            className="select"
            value={read.format ?? ''}
            disabled={disabled}
            onChange={(e) => set('format', e.target.value)}
          >
            <option value="">Detected ({preview.format})</option>
            <option value="csv">CSV</option>
            <option value="jsonl">JSON Lines</option>
            <option value="parquet">Parquet</option>
          </select>
        </label>
        {text ? (
          <>
            <label className="field field--inline">
              <span className="field__label">Delimiter</span>
              <select
                className="select"
                value={read.delimiter ?? ''}
                disabled={disabled || preview.format !== 'csv'}
                onChange={(e) => set('delimiter', e.target.value)}
              >
                <option value="">Detected ({delimiterName(preview.delimiter)})</option>
                <option value=",">comma</option>
                <option value=";">semicolon</option>
                <option value={'\t'}>tab</option>
                <option value="|">pipe</option>
              </select>
            </label>
            <label className="field field--inline">
              <span className="field__label">Decimal</span>
              <select
                className="select"
                value={read.decimal ?? ''}
                disabled={disabled || preview.format !== 'csv'}
                onChange={(e) => set('decimal', e.target.value)}
              >
                <option value="">Detected ({preview.decimal ?? '.'})</option>
                <option value=".">point (1.5)</option>
                <option value=",">comma (1,5)</option>
              </select>
            </label>
            <label className="field field--inline">
              <span className="field__label">Encoding</span>
              <select
                className="select"
                value={read.encoding ?? ''}
                disabled={disabled}
                onChange={(e) => set('encoding', e.target.value)}
              >
                <option value="">Detected ({preview.encoding ?? 'utf-8'})</option>
                <option value="utf-8">UTF-8</option>
                <option value="windows-1252">Windows-1252 (Latin-1)</option>
              </select>
            </label>
          </>
        ) : null}
      </div>
    </div>
  );
}
