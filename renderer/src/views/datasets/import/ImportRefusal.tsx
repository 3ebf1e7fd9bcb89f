import type { ApiError } from '../../../../../shared/api/api-error';
import type { ErrorPolicy } from '../../../../../shared/domain/import-options';

interface Props {
  error: ApiError;
  policy: ErrorPolicy;
  onBack: () => void;
  onSkipBadRows: () => void;
}

/**
 * The validation report of an import the engine refused: nothing was kept, and the engine's
 * message names the file, line, column and value of the problem that stopped it.
 */
export function ImportRefusal({ error, policy, onBack, onSkipBadRows }: Props) {
  return (
    <div className="form">
      <div className="report-status report-status--refused" role="alert">
        <strong>The import was refused. Nothing was imported.</strong>
        <span>The workspace is exactly as it was before.</span>
      </div>
      <h3 className="section-title">Problem found</h3>
      <p className="problem">{error.message}</p>
      {error.detail ? <pre className="banner__detail">{error.detail}</pre> : null}
      <p className="notice">
        Correct the file and import it again
        {policy === 'refuse'
          ? ', or import the rows that are fine: bad rows are then left out and all of them are listed in the report.'
          : '.'}
      </p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onBack}>
          Back to columns
        </button>
        {policy === 'refuse' ? (
          <button type="button" className="button button--primary" onClick={onSkipBadRows}>
            Import, skipping bad rows
          </button>
        ) : null}
      </div>
    </div>
  );
}
