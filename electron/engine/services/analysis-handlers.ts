import type { analysisCalls } from '../../../shared/api/calls/analysis-calls';
import { calibrationByGroup, driftOverTime } from '../analysis/calibration-by-group';
import { evaluateDataset } from '../analysis/evaluate-dataset';
import { reliabilityRedraw } from '../analysis/reliability-redraw';
import type { Handlers } from '../api/handlers';
import type { EngineServices } from './engine-services';

export function analysisHandlers(services: EngineServices): Pick<Handlers, keyof typeof analysisCalls> {
  return {
    'analysis.evaluate': (input, context) =>
      evaluateDataset(services.sampleCache, services.pool, input, context),
    'analysis.groups': (input, context) =>
      calibrationByGroup(services.sampleCache, services.workspace.db, services.pool, input, context),
    'analysis.reliability': (input, context) =>
      reliabilityRedraw(services.sampleCache, services.pool, input, context),
    'analysis.drift': (input, context) =>
      driftOverTime(services.sampleCache, services.workspace.db, services.pool, input, context),
  };
}
