import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ScriptVersion } from '../../../../shared/api/calls/script-calls';
import { useApi } from '../../api/api-context';
import { useScriptsSession } from './scripts-session';
import type { OpenScript } from './use-open-script';

/**
 * Editing the open script: what the editor shows (the unsaved draft, the saved latest version, or
 * an older version read-only), whether there are unsaved changes, and Save, which adds a version
 * only when the text changed.
 */
export function useScriptEditing(script: OpenScript | null, onSaved: (script: OpenScript) => void) {
  const api = useApi();
  const { drafts, setDraft } = useScriptsSession();
  const [viewingState, setViewingState] = useState<{ scriptId: number; version: ScriptVersion } | null>(null);
  const [saving, setSaving] = useState(false);
  /** Counts discards: the editor must show the saved text again although nothing else changed. */
  const [resets, setResets] = useState(0);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const pending = useRef<{ source: string; answer: Promise<OpenScript> } | null>(null);

  const id = script?.summary.id ?? null;
  const viewing = viewingState && viewingState.scriptId === id ? viewingState.version : null;
  const draft = id === null ? undefined : drafts[id];
  const saved = script?.latest.source ?? '';
  const dirty = draft !== undefined && draft !== saved;
  const text = viewing ? viewing.source : (draft ?? saved);
  /**
   * Names what the editor shows; the editor replaces its text only when this changes (a script,
   * version, restore or discard), never while the analyst types.
   */
  const documentKey = viewing
    ? `${id}@v${viewing.version}`
    : `${id}:v${script?.latest.version ?? 0}:r${resets}`;

  useEffect(() => setSaveError(null), [id]);

  const change = useCallback(
    (next: string) => {
      if (!script) return;
      setDraft(script.summary.id, next === script.latest.source ? null : next);
    },
    [script, setDraft],
  );

  const discard = useCallback(() => {
    if (!script) return;
    setDraft(script.summary.id, null);
    setResets((n) => n + 1);
  }, [script, setDraft]);

  /** Writes one source as the newest version; the saved script replaces the open one. */
  const saveSource = useCallback(
    async (scriptId: number, source: string): Promise<OpenScript> => {
      setSaving(true);
      try {
        const answer = await api.call('scripts.save', { script: { id: scriptId }, source });
        const next: OpenScript = { summary: answer.summary, latest: answer.version };
        onSaved(next);
        // Typing during the save keeps its draft (now against the new version).
        if (draftsRef.current[scriptId] === source) setDraft(scriptId, null);
        setSaveError(null);
        return next;
      } catch (caught) {
        const error = ApiError.from(caught);
        setSaveError(error);
        throw error;
      } finally {
        setSaving(false);
      }
    },
    [api, onSaved, setDraft],
  );

  /** Saves the draft as a new version; answers the script as saved (unchanged when there was nothing to save). */
  const save = useCallback(async (): Promise<OpenScript> => {
    if (!script) throw new ApiError('not-found', 'No script is open.');
    const scriptId = script.summary.id;
    const source = draftsRef.current[scriptId];
    if (source === undefined || source === script.latest.source) return script;
    // Ctrl+S pressed twice, or while a run saves: one save of the same text is enough.
    if (pending.current?.source === source) return pending.current.answer;
    const answer = saveSource(scriptId, source);
    pending.current = { source, answer };
    try {
      return await answer;
    } finally {
      if (pending.current?.answer === answer) pending.current = null;
    }
  }, [script, saveSource]);

  const view = useCallback(
    (version: ScriptVersion | null) => {
      setViewingState(
        version && script && version.version !== script.latest.version
          ? { scriptId: script.summary.id, version }
          : null,
      );
    },
    [script],
  );

  return {
    documentKey,
    text,
    dirty,
    viewing,
    view,
    change,
    discard,
    save,
    saving,
    saveError,
    dismissSaveError: () => setSaveError(null),
  };
}
