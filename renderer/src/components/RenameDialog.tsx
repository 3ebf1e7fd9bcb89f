import { useState } from 'react';
import { Dialog } from './Dialog';
import { FormActions, NameField } from './FormParts';
import { useDialogAction } from './use-dialog-action';

interface Props<T> {
  title: string;
  /** The current name, which the field starts with. */
  name: string;
  onClose: () => void;
  /** Asks the engine for the new name; a refusal (e.g. a name in use) is shown in the dialog. */
  rename: (newName: string) => Promise<T>;
  onRenamed: (renamed: T) => void;
}

/** A new name for something kept in the workspace; the engine refuses a name in use and says so. */
export function RenameDialog<T>({ title, name: current, onClose, rename, onRenamed }: Props<T>) {
  const [name, setName] = useState(current);
  const action = useDialogAction();
  const trimmed = name.trim();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || trimmed === current) return onClose();
    await action.run(async () => onRenamed(await rename(trimmed)));
  };

  return (
    <Dialog title={title} onClose={onClose} initialFocus="input">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <NameField label="Name" value={name} onChange={setName} />
        <FormActions
          error={action.error}
          onCancel={onClose}
          submitLabel="Rename"
          disabled={action.running || trimmed === ''}
        />
      </form>
    </Dialog>
  );
}
