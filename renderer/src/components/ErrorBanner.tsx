import type { ApiError } from '../../../shared/api/api-error';

/** Shows the engine's own message and detail, selectable so it can be pasted into a ticket. */
export function ErrorBanner({ error, onDismiss }: { error: ApiError; onDismiss?: () => void }) {
  return (
    <div className="banner banner--error" role="alert">
      <div className="banner__text">
        <strong>{error.message}</strong>
        {error.detail ? <pre className="banner__detail">{error.detail}</pre> : null}
      </div>
      {onDismiss ? (
        <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
