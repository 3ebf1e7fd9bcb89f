interface Props {
  message: string;
  existingName: string | null;
  onReuse: () => void;
  onImportAgain: () => void;
  onBack: () => void;
}

/** The same bytes were imported before: use that dataset, or import a second copy on purpose. */
export function DuplicateNotice({ message, existingName, onReuse, onImportAgain, onBack }: Props) {
  return (
    <div className="form">
      <div className="report-status report-status--notice" role="status">
        <strong>This file was imported before{existingName ? ` as “${existingName}”` : ''}.</strong>
        <span>{message}</span>
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="button" onClick={onImportAgain}>
          Import again as a new dataset
        </button>
        <button type="button" className="button button--primary" onClick={onReuse}>
          Use the existing dataset
        </button>
      </div>
    </div>
  );
}
