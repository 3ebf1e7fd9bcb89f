import type { AppInfo } from '../../../shared/api/contract';
import type { Workspace } from '../workspace/open-workspace';

/** What every group of handlers may use: the open workspace and where the app's files are. */
export interface EngineServices {
  workspace: Workspace;
  resourcesDir: string;
  host: AppInfo['host'];
}
