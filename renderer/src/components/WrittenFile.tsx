import { formatBytes } from '../format';
import { CopyTableButton } from './CopyTableButton';

/** Where a file was written, selectable and with a button that copies the path. */
export function WrittenFile({ label, path, bytes }: { label: string; path: string; bytes?: number }) {
  return (
    <div className="written-file" role="status">
      <span className="written-file__label">{label}</span>
      <code className="written-file__path">{path}</code>
      {bytes !== undefined ? <span className="muted">({formatBytes(bytes)})</span> : null}
      <CopyTableButton rows={() => [[path]]} label="Copy path" />
    </div>
  );
}
