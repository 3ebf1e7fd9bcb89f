import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../../api/api-context';
import { readPersisted, writePersisted } from '../../state/persisted-value';
import type { ScriptRunState } from './script-run-state';
import {
  DEFAULT_SCRIPTS_SETTINGS,
  SCRIPTS_STORAGE_KEY,
  ScriptsSettingsSchema,
  type ScriptsSettings,
} from './scripts-settings';
import { useScriptRun, type ScriptRunRequest } from './use-script-run';

interface ScriptsSession {
  settings: ScriptsSettings;
  updateSettings(patch: Partial<ScriptsSettings>): void;
  /** Unsaved editor text by script id; absent when the editor shows the saved latest version. */
  drafts: Readonly<Record<number, string>>;
  setDraft(scriptId: number, source: string | null): void;
  run: {
    state: ScriptRunState;
    start(request: ScriptRunRequest): Promise<void>;
    cancel(): void;
    dismiss(): void;
  };
}

const ScriptsSessionContext = createContext<ScriptsSession | null>(null);

/**
 * What the Scripts view keeps while the analyst looks at other views: unsaved edits, the running
 * or finished run, and the settings (those also across reloads). Unsaved edits are not written
 * anywhere until Save.
 */
export function ScriptsSessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [settings, setSettings] = useState<ScriptsSettings>(() =>
    readPersisted(SCRIPTS_STORAGE_KEY, ScriptsSettingsSchema, DEFAULT_SCRIPTS_SETTINGS),
  );
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const run = useScriptRun(api);

  useEffect(() => writePersisted(SCRIPTS_STORAGE_KEY, settings), [settings]);

  const updateSettings = useCallback(
    (patch: Partial<ScriptsSettings>) => setSettings((current) => ({ ...current, ...patch })),
    [],
  );
  const setDraft = useCallback(
    (scriptId: number, source: string | null) =>
      setDrafts((current) => {
        if (source === null) {
          if (!(scriptId in current)) return current;
          const next = { ...current };
          delete next[scriptId];
          return next;
        }
        return current[scriptId] === source ? current : { ...current, [scriptId]: source };
      }),
    [],
  );

  const value = useMemo<ScriptsSession>(
    () => ({
      settings,
      updateSettings,
      drafts,
      setDraft,
      run: { state: run.state, start: run.start, cancel: run.cancel, dismiss: run.dismiss },
    }),
    [settings, updateSettings, drafts, setDraft, run.state, run.start, run.cancel, run.dismiss],
  );
  return <ScriptsSessionContext.Provider value={value}>{children}</ScriptsSessionContext.Provider>;
}

export function useScriptsSession(): ScriptsSession {
  const session = useContext(ScriptsSessionContext);
  if (!session) throw new Error('useScriptsSession() needs a <ScriptsSessionProvider> above it.');
  return session;
}
