import type { ScriptSummary } from '../../../../shared/api/calls/script-calls';
import { useApi } from '../../api/api-context';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { RenameDialog } from '../../components/RenameDialog';

interface Props<T> {
  script: ScriptSummary;
  onClose: () => void;
  onDone: (answer: T) => void;
}

/** A new name for a script; the engine refuses a name in use, and the dialog says so. */
export function RenameScriptDialog({ script, onClose, onDone }: Props<ScriptSummary>) {
  const api = useApi();
  return (
    <RenameDialog
      title="Rename script"
      name={script.name}
      onClose={onClose}
      rename={(newName) => api.call('scripts.rename', { script: { id: script.id }, newName })}
      onRenamed={onDone}
    />
  );
}

/** Deletes a script and its history, after asking. */
export function DeleteScriptDialog({ script, onClose, onDone }: Props<ScriptSummary>) {
  const api = useApi();
  return (
    <ConfirmDeleteDialog
      title="Delete script?"
      confirmLabel="Delete script"
      onClose={onClose}
      remove={async () => (await api.call('scripts.delete', { script: { id: script.id } })).deleted}
      onDeleted={onDone}
    >
      <strong>{script.name}</strong> and all {script.versions} of its versions will be deleted from the
      workspace. This cannot be undone; models fitted with it keep their copy of the source.
    </ConfirmDeleteDialog>
  );
}
