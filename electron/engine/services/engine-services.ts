import type { AppInfo } from '../../../shared/api/contract';
import type { AnalysisSampleCache } from '../analysis/sample-cache';
import type { WorkerPool } from '../workers/worker-pool';
import type { Workspace } from '../workspace/open-workspace';

/** What every group of handlers may use: the open workspace and where the app's files are. */
export interface EngineServices {
  workspace: Workspace;
  resourcesDir: string;
  host: AppInfo['host'];
  /** Worker threads for number crunching, so the caller's thread keeps answering. */
  pool: WorkerPool;
  /** The last analysis sample, so that redraws with other settings skip reading the columns. */
  sampleCache: AnalysisSampleCache;
}
