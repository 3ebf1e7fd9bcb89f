import type { calibrationCalls } from '../../../shared/api/calls/calibration-calls';
import { runCalibration } from '../analysis/run-calibration';
import { segmentedCalibration } from '../analysis/segmented-calibration';
import { walkForward } from '../analysis/walk-forward';
import type { Handlers } from '../api/handlers';
import type { EngineServices } from './engine-services';

export function calibrationHandlers(services: EngineServices): Pick<Handlers, keyof typeof calibrationCalls> {
  return {
    'calibration.run': (input, context) =>
      runCalibration(services.sampleCache, services.workspace.db, services.pool, input, context),
    'calibration.walkForward': (input, context) =>
      walkForward(services.sampleCache, services.workspace.db, services.pool, input, context),
    'calibration.segmented': (input, context) =>
      segmentedCalibration(services.sampleCache, services.workspace.db, services.pool, input, context),
  };
}
