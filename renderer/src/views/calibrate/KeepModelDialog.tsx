import { useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ModelSummary } from '../../../../shared/api/calls/model-calls';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../format';
import type { CalibrationRunResult } from '../../state/session-results';
import { methodInfo, validationSummary } from '../shared/calibration-labels';

interface Props {
  run: CalibrationRunResult;
  resultIndex: number;
  onClose: () => void;
  onKept: (model: ModelSummary) => void;
}

/** A name for one result of a run, which is then kept in the workspace as a model. */
export function KeepModelDialog({ run, resultIndex, onClose, onKept }: Props) {
  const api = useApi();
  const result = run.output.results[resultIndex];
  const method = result?.method === 'uncalibrated' ? null : (result?.method ?? null);
  const base = `${method ?? 'model'} · ${run.output.usage.datasetName} · ${formatDate(Date.now())}`;
  const [name, setName] = useState(base);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const trimmed = name.trim();

  useEffect(() => {
    // The default name must not collide with a kept model: number it like a file manager does.
    let live = true;
    api.call('models.list', {}).then(
      ({ models }) => {
        const taken = new Set(models.map((model) => model.name));
        let candidate = base;
        for (let k = 2; taken.has(candidate); k++) candidate = `${base} (${k})`;
        if (live && !touched) setName(candidate);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Only once, when the dialog opens.
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || method === null) return;
    setSaving(true);
    try {
      onKept(
        await api.call('models.save', {
          name: trimmed,
          run: { input: run.input, output: run.output },
          method,
          resultIndex,
        }),
      );
    } catch (caught) {
      setError(ApiError.from(caught));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Keep as model" onClose={onClose} initialFocus="input">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <p>
          The fitted {method ? methodInfo(method).label : ''} map, its test metrics and where it came from (
          {run.output.usage.datasetName}, {validationSummary(run.output.validation).toLowerCase()}) are kept
          in the workspace. Models lists it for comparison and export.
        </p>
        <label className="field">
          <span className="field__label">Model name</span>
          <input
            className="input"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setTouched(true);
              setName(event.target.value);
            }}
            onFocus={(event) => event.target.select()}
          />
        </label>
        {error ? <ErrorBanner error={error} /> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving || trimmed === ''}>
            Keep model
          </button>
        </div>
      </form>
    </Dialog>
  );
}
