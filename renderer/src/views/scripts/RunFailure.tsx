import type { SandboxFailureKind, SourceLocation } from '../../sandbox/sandbox-types';
import { FAILURE_TITLES } from './script-labels';

interface Props {
  kind: SandboxFailureKind;
  message: string;
  location: SourceLocation | null;
  /** Whether the editor shows the version that failed (the location is then marked there). */
  inEditor: boolean;
  onReveal: (line: number, column: number) => void;
}

/** What usually helps, where the sandbox's own message does not say it already. */
const ADVICE: Partial<Record<SandboxFailureKind, string>> = {
  definition: 'The file must `export default defineScript({ params: {...}, score(row, p) {...} })`.',
};

/** What stopped the script in the sandbox, where in the source, and what usually helps. */
export function RunFailure({ kind, message, location, inEditor, onReveal }: Props) {
  return (
    <div className="message message--error run-failure" role="alert">
      <strong>{FAILURE_TITLES[kind]}</strong>
      <pre className="run-failure__message">{message}</pre>
      {location ? (
        inEditor ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => onReveal(location.line, location.column)}
          >
            Go to line {location.line}, column {location.column}
          </button>
        ) : (
          <span>
            At line {location.line}, column {location.column} of the version that ran.
          </span>
        )
      ) : null}
      {ADVICE[kind] ? <p className="run-failure__advice">{ADVICE[kind]}</p> : null}
    </div>
  );
}
