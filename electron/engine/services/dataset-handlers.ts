import type { datasetCalls } from '../../../shared/api/calls/dataset-calls';
import type { Handlers } from '../api/handlers';
import { loadSampleDataset } from '../sample/load-sample-dataset';
import { listDatasets } from '../store/list-datasets';
import type { EngineServices } from './engine-services';

export function datasetHandlers(services: EngineServices): Pick<Handlers, keyof typeof datasetCalls> {
  const { db } = services.workspace;
  return {
    'datasets.list': async () => ({ datasets: listDatasets(db) }),
    'datasets.loadSample': (input, context) => loadSampleDataset(db, services.resourcesDir, input.name, context),
  };
}
