import type { ApiError } from '../../../shared/api/api-error';
import { ErrorBanner } from './ErrorBanner';

/** A name in a dialog's form: selected when focused, so typing replaces it. */
export function NameField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input"
        value={value}
        maxLength={200}
        onChange={(event) => onChange(event.target.value)}
        onFocus={(event) => event.target.select()}
      />
    </label>
  );
}

/** The end of a dialog's form: the engine's refusal if any, then Cancel and the submit button. */
export function FormActions({
  error,
  onCancel,
  submitLabel,
  disabled,
}: {
  error: ApiError | null;
  onCancel: () => void;
  submitLabel: string;
  disabled: boolean;
}) {
  return (
    <>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
