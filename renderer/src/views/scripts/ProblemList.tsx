import type { ScriptProblem } from '../../editor/script-problem';

interface Props {
  problems: readonly ScriptProblem[];
  /** Moves the editor's cursor to a problem. */
  onReveal: (line: number, column: number) => void;
}

/** Why a script was not run: its compile errors, each a button that moves the cursor there. */
export function ProblemList({ problems, onReveal }: Props) {
  return (
    <div className="message message--error script-problems" role="alert">
      <strong>
        Not run: the script has {problems.length} error{problems.length === 1 ? '' : 's'}. Fix{' '}
        {problems.length === 1 ? 'it' : 'them'} and run again.
      </strong>
      <ul className="script-problems__list" aria-label="Compile errors">
        {problems.map((problem, index) => (
          <li key={`${problem.line}:${problem.column}:${index}`}>
            <button
              type="button"
              className="script-problems__item"
              onClick={() => onReveal(problem.line, problem.column)}
            >
              <span className="script-problems__where">
                {problem.line}:{problem.column}
              </span>
              <span className="script-problems__message">
                {problem.message}
                {problem.code !== null ? <span className="muted"> (TS{problem.code})</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
