import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormActions } from './FormParts';
import { useDialogAction } from './use-dialog-action';

interface Props {
  title: string;
  /** What will be written, in a sentence. */
  description: ReactNode;
  defaultPath: string;
  confirmLabel: string;
  onClose: () => void;
  /** Writes the file; a thrown error is shown in the dialog, which stays open. */
  onSave: (path: string) => Promise<void>;
  /** More fields above the path (e.g. the dataset to apply a model to). */
  children?: ReactNode;
}

/**
 * Asks where to write a file. The engine writes it on this machine, so the path is a full path
 * here; in browser mode no save dialog exists, and the desktop app's dialog plugs in through the
 * platform adapter before this is shown.
 */
export function SavePathDialog({
  title,
  description,
  defaultPath,
  confirmLabel,
  onClose,
  onSave,
  children,
}: Props) {
  const [path, setPath] = useState(defaultPath);
  const save = useDialogAction();
  const trimmed = path.trim();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (trimmed === '') return;
    await save.run(() => onSave(trimmed), { clearError: true });
  };

  return (
    <Dialog title={title} onClose={onClose} initialFocus="input[name='path']">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <p>{description}</p>
        {children}
        <label className="field">
          <span className="field__label">Save to (full path on this machine)</span>
          <input
            name="path"
            className="input input--mono"
            value={path}
            spellCheck={false}
            onChange={(event) => setPath(event.target.value)}
          />
          <span className="field__hint">An existing file at this path is replaced.</span>
        </label>
        <FormActions
          error={save.error}
          onCancel={onClose}
          submitLabel={save.running ? 'Saving…' : confirmLabel}
          disabled={save.running || trimmed === ''}
        />
      </form>
    </Dialog>
  );
}
