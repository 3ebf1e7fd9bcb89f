import { useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ModelSummary } from '../../../../shared/api/calls/model-calls';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';

/** A new name for a model; the engine refuses a name in use and says so. */
export function RenameModelDialog({
  model,
  onClose,
  onRenamed,
}: {
  model: ModelSummary;
  onClose: () => void;
  onRenamed: (model: ModelSummary) => void;
}) {
  const api = useApi();
  const [name, setName] = useState(model.name);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const trimmed = name.trim();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || trimmed === model.name) return onClose();
    setSaving(true);
    try {
      onRenamed(await api.call('models.rename', { model: { id: model.id }, newName: trimmed }));
    } catch (caught) {
      setError(ApiError.from(caught));
      setSaving(false);
    }
  };
  return (
    <Dialog title="Rename model" onClose={onClose} initialFocus="input">
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

/** Asks before deleting; Cancel has the focus, so a stray Enter deletes nothing. */
export function DeleteModelDialog({
  model,
  onClose,
  onDeleted,
}: {
  model: ModelSummary;
  onClose: () => void;
  onDeleted: (model: ModelSummary) => void;
}) {
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const confirm = async () => {
    setDeleting(true);
    try {
      const { deleted } = await api.call('models.delete', { model: { id: model.id } });
      onDeleted(deleted);
    } catch (caught) {
      setError(ApiError.from(caught));
      setDeleting(false);
    }
  };
  return (
    <Dialog title="Delete model?" onClose={onClose} initialFocus="[data-autofocus]">
      <p>
        <strong>{model.name}</strong> will be deleted from the workspace. This cannot be undone; its dataset
        and any parameter file already saved are not touched.
      </p>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger-solid"
          onClick={() => void confirm()}
          disabled={deleting}
        >
          Delete model
        </button>
      </div>
    </Dialog>
  );
}
