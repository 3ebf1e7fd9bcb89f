import { EmptyState } from '../../components/EmptyState';
import { SCRIPT_TEMPLATES } from './example-scripts';

/** What an empty workspace shows in place of the editor: what a script is, and the examples to start from. */
export function NoScripts({ onStart }: { onStart: (templateId: string) => void }) {
  return (
    <EmptyState
      title="No scripts yet"
      actions={SCRIPT_TEMPLATES.map((template, index) => (
        <button
          key={template.id}
          type="button"
          className={`button${index === 0 ? ' button--primary' : ''}`}
          onClick={() => onStart(template.id)}
        >
          {template.id === 'blank' ? 'Blank script' : template.label}
        </button>
      ))}
    >
      <p>
        A script declares parameters and scores one row with them: a logistic formula on a few columns, a
        structural model such as a first-passage probability, or scorecard points. Scorecal fits the
        parameters to this dataset’s outcomes in a sandbox, measures the result on test rows beside the
        production score, and keeps it as a model. Start from an example.
      </p>
    </EmptyState>
  );
}
