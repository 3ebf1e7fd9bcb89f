import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type {
  CalibrateInput,
  CalibrateOutput,
  WalkForwardInput,
  WalkForwardOutput,
} from '../../../shared/api/calls/calibration-calls';
import { useLongCall, type LongCallState } from '../api/use-long-call';
import type { Progress } from '../../../shared/api/progress';

/** A finished calibration run, exactly as asked and answered (a model is kept from both). */
export interface CalibrationRunResult {
  kind: 'run';
  datasetId: number;
  input: CalibrateInput;
  output: CalibrateOutput;
}

export interface WalkForwardResult {
  kind: 'walk-forward';
  datasetId: number;
  input: WalkForwardInput;
  output: WalkForwardOutput;
}

export type CalibrateResult = CalibrationRunResult | WalkForwardResult;

type Start<T> = (options: { signal: AbortSignal; onProgress: (p: Progress) => void }) => Promise<T>;

interface SessionResults {
  calibrate: {
    state: LongCallState<CalibrateResult>;
    run(start: Start<CalibrateResult>): Promise<CalibrateResult | undefined>;
    cancel(): void;
  };
}

const SessionResultsContext = createContext<SessionResults | null>(null);

/**
 * Results of long work that outlive a view: a calibration keeps running, and its table stays,
 * while the analyst looks at Models and comes back. They are not stored across reloads (the
 * settings are, so Run gives the same answer again).
 */
export function SessionResultsProvider({ children }: { children: ReactNode }) {
  const calibrate = useLongCall<CalibrateResult>();
  const value = useMemo<SessionResults>(
    () => ({ calibrate: { state: calibrate.state, run: calibrate.run, cancel: calibrate.cancel } }),
    [calibrate.state, calibrate.run, calibrate.cancel],
  );
  return <SessionResultsContext.Provider value={value}>{children}</SessionResultsContext.Provider>;
}

export function useSessionResults(): SessionResults {
  const results = useContext(SessionResultsContext);
  if (!results) throw new Error('useSessionResults() needs a <SessionResultsProvider> above it.');
  return results;
}
