import type { datasetCalls } from '../../../shared/api/calls/dataset-calls';
import type { Handlers } from '../api/handlers';
import { importFile } from '../import/import-file';
import { previewFile } from '../import/preview-file';
import { loadSampleDataset } from '../sample/load-sample-dataset';
import { getDatasetDetails } from '../store/dataset-details';
import { deleteDataset } from '../store/delete-dataset';
import { findDatasetsBySha256 } from '../store/find-dataset';
import { listDatasets } from '../store/list-datasets';
import { renameDataset } from '../store/rename-dataset';
import type { EngineServices } from './engine-services';

export function datasetHandlers(services: EngineServices): Pick<Handlers, keyof typeof datasetCalls> {
  const { db } = services.workspace;
  return {
    'datasets.list': async () => ({ datasets: listDatasets(db) }),
    'datasets.loadSample': (input, context) =>
      loadSampleDataset(db, services.resourcesDir, input.name, context, services.pool),
    'datasets.preview': (input) => previewFile(input.file, input.read),
    'datasets.import': (input, context) => importFile(db, input, context, { pool: services.pool }),
    'datasets.show': async (input) => getDatasetDetails(db, input),
    'datasets.rename': async (input) => renameDataset(db, input.dataset, input.newName),
    'datasets.delete': async (input) => {
      // Deleted data must not linger in the analysis cache either.
      services.sampleCache.clear();
      return { deleted: deleteDataset(db, input.dataset, { compact: input.compact }) };
    },
    'datasets.findBySha256': async (input) => ({ datasets: findDatasetsBySha256(db, input.sha256) }),
  };
}
