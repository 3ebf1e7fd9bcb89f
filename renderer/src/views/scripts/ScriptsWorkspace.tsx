import { useMemo, useRef, useState } from 'react';
import type { ScriptSummary, ScriptVersion } from '../../../../shared/api/calls/script-calls';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { rowColumns, rowTypeDeclaration } from '../../../../shared/scripting/row-type-declaration';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { RuntimeError } from '../../editor/runtime-marker';
import type { ScriptEditorHandle } from '../../editor/ScriptEditor';
import { useWorkbench } from '../../state/workbench-context';
import { DatasetPicker } from '../shared/DatasetPicker';
import { useDatasetColumns } from '../shared/use-dataset-columns';
import { HistoryDialog } from './HistoryDialog';
import { middleMonth } from './middle-month';
import { NewScriptDialog } from './NewScriptDialog';
import { NoScripts } from './NoScripts';
import { ProblemList } from './ProblemList';
import { ScriptResults } from './results/ScriptResults';
import { RunFailure } from './RunFailure';
import { RunSettings } from './RunSettings';
import { RunStatus } from './RunStatus';
import { ScriptEditorPanel } from './ScriptEditorPanel';
import { ScriptList } from './ScriptList';
import { DeleteScriptDialog, RenameScriptDialog } from './ScriptNameDialogs';
import { scriptValidation } from './script-validation';
import { useScriptsSession } from './scripts-session';
import { SCRIPT_BOOTSTRAP_RESAMPLES, SCRIPT_BOOTSTRAP_SEED } from './scripts-settings';
import { useMonaco } from './use-monaco';
import { useOpenScript } from './use-open-script';
import { useRowDeclaration } from './use-row-declaration';
import { useScriptEditing } from './use-script-editing';
import { useScriptList } from './use-script-list';

interface Props {
  dataset: DatasetSummary;
  datasets: DatasetSummary[];
  onSelect: (id: number) => void;
}

type Dialog = { kind: 'new'; template?: string } | { kind: 'history' | 'rename' | 'delete' } | null;

/** The script list, the editor, the run settings and the results of the last run. */
export function ScriptsWorkspace({ dataset, datasets, onSelect }: Props) {
  const api = useApi();
  const { settings, updateSettings, drafts, setDraft, run } = useScriptsSession();
  const { filterOf } = useWorkbench();
  const { monaco, error: monacoError } = useMonaco();
  const { details, columns, segmentValues } = useDatasetColumns(dataset.id);
  const list = useScriptList();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editorRef = useRef<ScriptEditorHandle>(null);

  const currentDetails = details.current ? details.value : null;
  const declaration = useMemo(
    () => (currentDetails ? rowTypeDeclaration(dataset.name, currentDetails.columns) : null),
    [currentDetails, dataset.name],
  );
  useRowDeclaration(monaco, declaration);

  const scripts = list.scripts;
  const selectedId = scripts
    ? scripts.some((s) => s.id === settings.scriptId)
      ? settings.scriptId
      : (scripts[0]?.id ?? null)
    : null;
  const open = useOpenScript(selectedId);
  const script = open.script;
  const editing = useScriptEditing(script, (saved) => {
    open.update(saved);
    void list.refresh();
  });
  const unsaved = useMemo(() => new Set(Object.keys(drafts).map(Number)), [drafts]);

  const time = columns?.time ?? null;
  const defaultSplit = time ? middleMonth(time.min, time.max) : null;
  const state = run.state;
  const running = state.status === 'running';
  const showsVersion = (version: number) =>
    editing.viewing
      ? editing.viewing.version === version
      : !editing.dirty && script?.latest.version === version;
  const failure = state.status === 'failed' && state.subject.scriptId === script?.summary.id ? state : null;
  const refusal = state.status === 'refused' && state.subject.scriptId === script?.summary.id ? state : null;
  const failureInEditor = failure !== null && showsVersion(failure.subject.version);
  const runtimeError = useMemo<RuntimeError | null>(
    () =>
      failure && failure.location && failureInEditor
        ? { line: failure.location.line, column: failure.location.column, message: failure.message }
        : null,
    [failure, failureInEditor],
  );

  const problem = !script
    ? 'Create or choose a script first.'
    : !monaco
      ? 'The editor is loading…'
      : !currentDetails || !columns
        ? 'Reading the dataset…'
        : columns.outcome === null
          ? 'This dataset has no outcome column to fit to.'
          : settings.scheme === 'time' && !time
            ? 'Out of time needs a time column.'
            : null;

  const startRun = () => {
    if (!script || !currentDetails || problem !== null) return;
    setNotice(null);
    const viewing = editing.viewing;
    const validation = scriptValidation(settings, defaultSplit);
    void run.start({
      save: async () => {
        if (viewing) {
          return { scriptId: script.summary.id, scriptName: script.summary.name, version: viewing.version };
        }
        const saved = await editing.save();
        return { scriptId: saved.summary.id, scriptName: saved.summary.name, version: saved.latest.version };
      },
      compile: () => {
        const editor = editorRef.current;
        if (!editor) return Promise.reject(new Error('The editor is not open.'));
        return editor.compile();
      },
      datasetId: dataset.id,
      selection: { dataset: { id: dataset.id }, filter: filterOf(dataset.id), validation },
      rowColumns: rowColumns(currentDetails.columns).map((column) => column.name),
      method: settings.method,
      stallTimeoutMs: settings.stallTimeoutSeconds * 1000,
      measure: {
        bins: settings.bins,
        binning: settings.binning,
        ...(settings.bootstrap
          ? { bootstrap: { resamples: SCRIPT_BOOTSTRAP_RESAMPLES, seed: SCRIPT_BOOTSTRAP_SEED } }
          : {}),
      },
    });
  };

  const save = () => {
    if (!editing.viewing) void editing.save().catch(() => undefined);
  };
  const reveal = (line: number, column: number) => editorRef.current?.reveal(line, column);

  const restore = async (version: ScriptVersion) => {
    if (!script) return;
    const answer = await api.call('scripts.save', {
      script: { id: script.summary.id },
      source: version.source,
    });
    open.update({ summary: answer.summary, latest: answer.version });
    setDraft(script.summary.id, null);
    editing.view(null);
    setDialog(null);
    setNotice(
      answer.created
        ? `Version ${version.version} restored as version ${answer.version.version}.`
        : `Version ${version.version} is the same as the latest version: nothing was added.`,
    );
    void list.refresh();
  };

  const deleted = (summary: ScriptSummary) => {
    setDialog(null);
    setDraft(summary.id, null);
    setNotice(null);
    // A failure or refusal of the deleted script must not show on a new script that reuses its id.
    if ((state.status === 'failed' || state.status === 'refused') && state.subject.scriptId === summary.id) {
      run.dismiss();
    }
    list.setScripts((current) => current?.filter((s) => s.id !== summary.id) ?? null);
    updateSettings({ scriptId: null });
    void list.refresh();
  };

  const select = (id: number) => {
    setNotice(null);
    updateSettings({ scriptId: id });
  };
  const created = (summary: ScriptSummary) => {
    setDialog(null);
    setNotice(null);
    updateSettings({ scriptId: summary.id });
    void list.refresh();
  };

  return (
    <section
      className="view view--wide scripts-view"
      aria-labelledby="scripts-heading"
      onKeyDown={(event) => {
        // The editor handles its own Ctrl+S; this one covers the rest of the view.
        if (!event.defaultPrevented && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          save();
        }
      }}
    >
      <header className="view__header">
        <div>
          <h1 id="scripts-heading">Scripts</h1>
          <p className="view__subtitle">
            Write a scoring formula in TypeScript, fit its parameters to the outcomes and compare it with the
            production score.
          </p>
        </div>
        <DatasetPicker datasets={datasets} value={dataset.id} onChange={onSelect} />
      </header>

      {list.error ? <ErrorBanner error={list.error} /> : null}
      {open.error ? <ErrorBanner error={open.error} /> : null}
      {details.error ? <ErrorBanner error={details.error} /> : null}

      <div className="scripts-layout">
        {scripts ? (
          <ScriptList
            scripts={scripts}
            selectedId={selectedId}
            unsaved={unsaved}
            onSelect={select}
            onNew={() => setDialog({ kind: 'new' })}
          />
        ) : (
          <p className="muted">{list.error ? '' : 'Reading the workspace…'}</p>
        )}
        <div className="scripts-main">
          {scripts && scripts.length === 0 ? (
            <NoScripts onStart={(template) => setDialog({ kind: 'new', template })} />
          ) : null}
          {script ? (
            <ScriptEditorPanel
              monaco={monaco}
              monacoError={monacoError}
              script={script}
              viewing={editing.viewing}
              documentKey={editing.documentKey}
              text={editing.text}
              dirty={editing.dirty}
              saving={editing.saving}
              runtimeError={runtimeError}
              editorRef={editorRef}
              onChange={editing.change}
              onSave={save}
              onDiscard={editing.discard}
              onHistory={() => setDialog({ kind: 'history' })}
              onRename={() => setDialog({ kind: 'rename' })}
              onDelete={() => setDialog({ kind: 'delete' })}
              onBackToLatest={() => editing.view(null)}
              onRestoreViewing={() => {
                if (editing.viewing) void restore(editing.viewing).catch(() => undefined);
              }}
            >
              {editing.saveError ? (
                <ErrorBanner error={editing.saveError} onDismiss={editing.dismissSaveError} />
              ) : null}
              {refusal ? <ProblemList problems={refusal.problems} onReveal={reveal} /> : null}
              {failure ? (
                <RunFailure
                  kind={failure.kind}
                  message={failure.message}
                  location={failure.location}
                  inEditor={failureInEditor}
                  onReveal={reveal}
                />
              ) : null}
            </ScriptEditorPanel>
          ) : null}
          {script ? (
            <RunSettings
              settings={settings}
              onChange={updateSettings}
              datasetId={dataset.id}
              columns={columns}
              segmentValues={segmentValues}
              defaultSplit={defaultSplit}
              problem={problem}
              running={running}
              onRun={startRun}
            />
          ) : null}
          <RunStatus state={state} onCancel={run.cancel} onDismiss={run.dismiss} />
          {notice ? (
            <p className="notice" role="status">
              {notice}
            </p>
          ) : null}
        </div>
      </div>

      {state.status === 'done' ? (
        <ScriptResults
          run={state.run}
          datasetName={
            datasets.find((d) => d.id === state.run.datasetId)?.name ?? `dataset ${state.run.datasetId}`
          }
        />
      ) : null}

      {dialog?.kind === 'new' ? (
        <NewScriptDialog
          takenNames={scripts?.map((s) => s.name) ?? []}
          initialTemplate={dialog.template}
          onClose={() => setDialog(null)}
          onCreated={created}
        />
      ) : null}
      {dialog?.kind === 'history' && script ? (
        <HistoryDialog
          script={script.summary}
          canRestore={!editing.dirty}
          onClose={() => setDialog(null)}
          onOpen={(version) => {
            editing.view(version);
            setDialog(null);
          }}
          onRestore={restore}
        />
      ) : null}
      {dialog?.kind === 'rename' && script ? (
        <RenameScriptDialog
          script={script.summary}
          onClose={() => setDialog(null)}
          onDone={(summary) => {
            setDialog(null);
            open.update({ ...script, summary });
            void list.refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' && script ? (
        <DeleteScriptDialog script={script.summary} onClose={() => setDialog(null)} onDone={deleted} />
      ) : null}
    </section>
  );
}
