import { useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';

interface Props {
  dataset: DatasetSummary;
  onClose: () => void;
  onRenamed: (dataset: DatasetSummary) => void;
}

/** A new name for a dataset; the engine refuses a name in use and says so. */
export function RenameDatasetDialog({ dataset, onClose, onRenamed }: Props) {
  const api = useApi();
  const [name, setName] = useState(dataset.name);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const trimmed = name.trim();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || trimmed === dataset.name) return onClose();
    setSaving(true);
    try {
      onRenamed(await api.call('datasets.rename', { dataset: { id: dataset.id }, newName: trimmed }));
    } catch (caught) {
      setError(ApiError.from(caught));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Rename dataset" onClose={onClose} initialFocus="input">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            onFocus={(event) => event.target.select()}
          />
        </label>
        {error ? <ErrorBanner error={error} /> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving || trimmed === ''}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}
