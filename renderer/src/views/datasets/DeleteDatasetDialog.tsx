import { useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../format';

interface Props {
  dataset: DatasetSummary;
  onClose: () => void;
  onDeleted: (dataset: DatasetSummary) => void;
}

/** Asks before deleting; Cancel has the focus, so a stray Enter deletes nothing. */
export function DeleteDatasetDialog({ dataset, onClose, onDeleted }: Props) {
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    try {
      const { deleted } = await api.call('datasets.delete', { dataset: { id: dataset.id } });
      onDeleted(deleted);
    } catch (caught) {
      setError(ApiError.from(caught));
      setDeleting(false);
    }
  };

  return (
    <Dialog title="Delete dataset?" onClose={onClose} initialFocus="[data-autofocus]">
      <p>
        <strong>{dataset.name}</strong> ({formatCount(dataset.rows)} rows) will be deleted from the workspace
        and its data overwritten. This cannot be undone; the source file <code>{dataset.sourceName}</code> is
        not touched.
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
          Delete dataset
        </button>
      </div>
    </Dialog>
  );
}
