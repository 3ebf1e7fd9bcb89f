import { useEffect, useState } from 'react';
import type { ModelSummary } from '../../../../shared/api/calls/model-calls';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { FormActions, NameField } from '../../components/FormParts';
import { useDialogAction } from '../../components/use-dialog-action';
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
  const save = useDialogAction();
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
    await save.run(async () =>
      onKept(
        await api.call('models.save', {
          name: trimmed,
          run: { input: run.input, output: run.output },
          method,
          resultIndex,
        }),
      ),
    );
  };

  return (
    <Dialog title="Keep as model" onClose={onClose} initialFocus="input">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <p>
          The fitted {method ? methodInfo(method).label : ''} map, its test metrics and where it came from (
          {run.output.usage.datasetName}, {validationSummary(run.output.validation).toLowerCase()}) are kept
          in the workspace. Models lists it for comparison and export.
        </p>
        <NameField
          label="Model name"
          value={name}
          onChange={(value) => {
            setTouched(true);
            setName(value);
          }}
        />
        <FormActions
          error={save.error}
          onCancel={onClose}
          submitLabel="Keep model"
          disabled={save.running || trimmed === ''}
        />
      </form>
    </Dialog>
  );
}
