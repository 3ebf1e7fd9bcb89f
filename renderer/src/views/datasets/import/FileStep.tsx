import { useState } from 'react';
import type { ApiError } from '../../../../../shared/api/api-error';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { platform } from '../../../platform/platform';

interface Props {
  path: string;
  onPathChange: (path: string) => void;
  onPreview: () => void;
  previewing: boolean;
  error: ApiError | null;
}

/**
 * Step 1: which file. The engine reads the file where it lies, so what it needs is the file's
 * path on this machine. A native dialog gives it in the desktop app; a browser never tells a
 * page where a file is, so here the path is typed or pasted, and a dropped file fills in its name.
 */
export function FileStep({ path, onPathChange, onPreview, previewing, error }: Props) {
  const [dragging, setDragging] = useState(false);
  const [droppedName, setDroppedName] = useState<string | null>(null);

  const choose = async () => {
    const picked = await platform.pickFile();
    if (picked) onPathChange(picked);
  };

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    setDroppedName(file.name);
    if (!path.endsWith(file.name)) onPathChange(file.name);
  };

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim() !== '') onPreview();
      }}
    >
      <p className="notice">
        Scorecal imports CSV (any delimiter), JSON Lines and Parquet files, optionally gzip-compressed. The
        file is read where it lies and never leaves this machine.
      </p>
      <label className="field">
        <span className="field__label">Path of the file on this machine</span>
        <div className="field__row">
          <input
            className="input input--mono"
            name="file-path"
            value={path}
            placeholder="/home/me/data/positions.csv"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onPathChange(event.target.value)}
          />
          {platform.canPickFile ? (
            <button type="button" className="button" onClick={() => void choose()}>
              Choose file…
            </button>
          ) : null}
        </div>
        <span className="field__hint">
          The full path, e.g. copied from your file manager (on Windows: Shift + right-click, “Copy as path”).
        </span>
      </label>
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {droppedName ? (
          <span>
            The browser gives pages only a dropped file’s name (<strong>{droppedName}</strong>), not its
            folder: complete the path above.
          </span>
        ) : (
          <span className="muted">Or drop the file here to fill in its name.</span>
        )}
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={path.trim() === '' || previewing}>
          {previewing ? 'Reading the file…' : 'Preview'}
        </button>
      </div>
    </form>
  );
}
