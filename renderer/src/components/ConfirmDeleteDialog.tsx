import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { useDialogAction } from './use-dialog-action';

interface Props<T> {
  title: string;
  /** What will be deleted and what is left alone, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  onClose: () => void;
  /** Asks the engine to delete; a refusal is shown in the dialog, which stays open. */
  remove: () => Promise<T>;
  onDeleted: (deleted: T) => void;
}

/** Asks before deleting; Cancel has the focus, so a stray Enter deletes nothing. */
export function ConfirmDeleteDialog<T>({
  title,
  children,
  confirmLabel,
  onClose,
  remove,
  onDeleted,
}: Props<T>) {
  const action = useDialogAction();
  return (
    <Dialog title={title} onClose={onClose} initialFocus="[data-autofocus]">
      <p>{children}</p>
      {action.error ? <ErrorBanner error={action.error} /> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger-solid"
          onClick={() => void action.run(async () => onDeleted(await remove()))}
          disabled={action.running}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
