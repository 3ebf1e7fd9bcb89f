import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useWorkbench } from '../../state/workbench-context';

/** Shown instead of a view's work when the dataset lacks the score or the outcome role. */
export function NoScoreOrOutcome({ children }: { children: ReactNode }) {
  const { showView } = useWorkbench();
  return (
    <EmptyState
      title="This dataset has no score or no outcome"
      actions={
        <button type="button" className="button" onClick={() => showView('datasets')}>
          Back to Datasets
        </button>
      }
    >
      <p>{children}</p>
    </EmptyState>
  );
}
