import type { appCalls } from '../../../shared/api/calls/app-calls';
import { appVersion } from '../app-version';
import type { Handlers } from '../api/handlers';
import type { EngineServices } from './engine-services';

export function appHandlers(services: EngineServices): Pick<Handlers, keyof typeof appCalls> {
  return {
    'app.info': async () => ({
      appVersion,
      workspacePath: services.workspace.path,
      schemaVersion: services.workspace.schemaVersion,
      host: services.host,
    }),
  };
}
