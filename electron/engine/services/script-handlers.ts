import type { scriptCalls } from '../../../shared/api/calls/script-calls';
import type { Handlers } from '../api/handlers';
import { scriptData } from '../scripts/script-rows';
import { saveScriptRun } from '../scripts/script-run';
import {
  deleteScript,
  getScriptVersion,
  listScripts,
  renameScript,
  saveScript,
  scriptHistory,
} from '../scripts/script-store';
import type { EngineServices } from './engine-services';

/**
 * Custom scoring scripts (issue 6). The engine keeps their sources and versions, hands the sandbox
 * the rows to fit on, and measures and keeps what the sandbox fitted; it never executes script code.
 */
export function scriptHandlers(services: EngineServices): Pick<Handlers, keyof typeof scriptCalls> {
  const db = () => services.workspace.db;
  return {
    'scripts.list': async () => ({ scripts: listScripts(db()) }),
    'scripts.get': async (input) => getScriptVersion(db(), input.script, input.version),
    'scripts.save': async (input) => saveScript(db(), input),
    'scripts.history': async (input) => scriptHistory(db(), input.script),
    'scripts.rename': async (input) => renameScript(db(), input.script, input.newName),
    'scripts.delete': async (input) => ({ deleted: deleteScript(db(), input.script) }),
    'scripts.data': (input, context) => scriptData(db(), input, context),
    'scripts.saveRun': (input, context) => saveScriptRun(db(), services.pool, input, context),
  };
}
