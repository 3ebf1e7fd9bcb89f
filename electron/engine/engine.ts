import type { AppInfo } from '../../shared/api/contract';
import type { ApiTransport } from '../../shared/api/transport';
import { AnalysisSampleCache } from './analysis/sample-cache';
import { createEngineApi } from './api/create-engine-api';
import type { EngineApi } from './api/engine-api';
import { inProcessTransport } from './api/in-process-transport';
import { defaultResourcesDir } from './resources-dir';
import { analysisHandlers } from './services/analysis-handlers';
import { appHandlers } from './services/app-handlers';
import { calibrationHandlers } from './services/calibration-handlers';
import { datasetHandlers } from './services/dataset-handlers';
import { modelHandlers } from './services/model-handlers';
import { scriptHandlers } from './services/script-handlers';
import type { EngineServices } from './services/engine-services';
import { WorkerPool } from './workers/worker-pool';
import { openWorkspace } from './workspace/open-workspace';

export interface EngineOptions {
  workspacePath: string;
  host: AppInfo['host'];
  /** better-sqlite3 addon for a runtime other than this Node (the Electron build). */
  nativeBinding?: string;
  resourcesDir?: string;
}

export interface Engine {
  readonly api: EngineApi;
  /** The same API for callers in this process (CLI, tests). */
  readonly transport: ApiTransport;
  readonly workspacePath: string;
  close(): void;
}

/** Opens the workspace and serves the API contract over it. */
export function createEngine(options: EngineOptions): Engine {
  const workspace = openWorkspace(
    options.workspacePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const services: EngineServices = {
    workspace,
    resourcesDir: options.resourcesDir ?? defaultResourcesDir(),
    host: options.host,
    pool: new WorkerPool(),
    sampleCache: new AnalysisSampleCache(workspace.db),
  };
  const api = createEngineApi({
    ...appHandlers(services),
    ...datasetHandlers(services),
    ...analysisHandlers(services),
    ...calibrationHandlers(services),
    ...modelHandlers(services),
    ...scriptHandlers(services),
  });
  let closed = false;
  return {
    api,
    transport: inProcessTransport(api),
    workspacePath: workspace.path,
    close() {
      if (closed) return;
      closed = true;
      void services.pool.close();
      workspace.close();
    },
  };
}
