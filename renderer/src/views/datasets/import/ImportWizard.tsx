import { useEffect, useState } from 'react';
import { ApiError } from '../../../../../shared/api/api-error';
import type { ImportResult } from '../../../../../shared/api/calls/dataset-calls';
import type { DuplicatePolicy, ErrorPolicy, ReadOptions } from '../../../../../shared/domain/import-options';
import type { ImportPreview } from '../../../../../shared/domain/import-preview';
import type { DatasetSummary } from '../../../../../shared/domain/dataset-summary';
import { useApi } from '../../../api/api-context';
import { useLongCall } from '../../../api/use-long-call';
import { Dialog } from '../../../components/Dialog';
import { ProgressPanel } from '../../../components/ProgressPanel';
import { formatCount, formatPercent } from '../../../format';
import { suggestedMapping, toImportColumns, type MappedColumn } from './column-mapping';
import { DuplicateNotice } from './DuplicateNotice';
import { FileStep } from './FileStep';
import { ImportRefusal } from './ImportRefusal';
import { MappingStep } from './MappingStep';
import { ValidationReportView } from './ValidationReportView';

interface Props {
  onClose: () => void;
  /** A dataset was added (or an existing one chosen); the list should show it. */
  onImported: (dataset: DatasetSummary) => void;
  onDiagnose: (dataset: DatasetSummary) => void;
}

type Stage = 'file' | 'columns' | 'importing' | 'outcome';

const STEPS: ReadonlyArray<{ stage: Stage; label: string }> = [
  { stage: 'file', label: 'File' },
  { stage: 'columns', label: 'Columns' },
  { stage: 'importing', label: 'Import' },
  { stage: 'outcome', label: 'Report' },
];

/** The dataset name the engine would choose: the file name without its extensions. */
function nameFromPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.gz$/i, '').replace(/\.(csv|tsv|txt|jsonl|ndjson|json|parquet)$/i, '') || base;
}

function duplicateOf(error: ApiError): string | null {
  try {
    const detail: unknown = JSON.parse(error.detail ?? '');
    const name = (detail as { name?: unknown }).name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

/** File, preview and mapping, import with progress and Cancel, then the validation report. */
export function ImportWizard({ onClose, onImported, onDiagnose }: Props) {
  const api = useApi();
  const [stage, setStage] = useState<Stage>('file');
  const [path, setPath] = useState('');
  const [read, setRead] = useState<ReadOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [columns, setColumns] = useState<MappedColumn[]>([]);
  const [name, setName] = useState('');
  const [policy, setPolicy] = useState<ErrorPolicy>('refuse');
  const importCall = useLongCall<ImportResult>();

  const readPreview = async (file: string, options: ReadOptions, keepMapping: boolean) => {
    setPreviewing(true);
    try {
      const answer = await api.call('datasets.preview', { file, read: options });
      setPreview(answer);
      setPreviewError(null);
      if (!keepMapping || answer.header.join('\u0000') !== preview?.header.join('\u0000')) {
        setColumns(suggestedMapping(answer));
      }
      if (!keepMapping) setName(nameFromPath(file));
      setStage('columns');
    } catch (error) {
      setPreviewError(ApiError.from(error));
    } finally {
      setPreviewing(false);
    }
  };

  const startImport = async (overrides: { onError?: ErrorPolicy; ifExists?: DuplicatePolicy } = {}) => {
    if (overrides.onError) setPolicy(overrides.onError);
    setStage('importing');
    const result = await importCall.run((options) =>
      api.call(
        'datasets.import',
        {
          file: path.trim(),
          name: name.trim(),
          read,
          columns: toImportColumns(columns),
          onError: overrides.onError ?? policy,
          ifExists: overrides.ifExists ?? 'ask',
        },
        options,
      ),
    );
    if (result) onImported(result.dataset);
  };

  const status = importCall.state.status;
  useEffect(() => {
    // A finished import moves on to its report; a cancelled one goes back to the mapping.
    if (stage !== 'importing') return;
    if (status === 'cancelled') setStage('columns');
    else if (status === 'done' || status === 'failed') setStage('outcome');
  }, [stage, status]);

  const close = () => {
    // Closing the wizard mid-import stops the import: nothing half-done is left behind.
    importCall.cancel();
    onClose();
  };

  const state = importCall.state;
  const currentIndex = STEPS.findIndex((step) => step.stage === stage);

  return (
    <Dialog title="Import a dataset" onClose={close} size="large" initialFocus="input[name=file-path]">
      <ol className="steps" aria-label="Import steps">
        {STEPS.map((step, index) => (
          <li
            key={step.stage}
            className={`steps__step${index === currentIndex ? ' steps__step--current' : ''}${index < currentIndex ? ' steps__step--done' : ''}`}
            aria-current={index === currentIndex ? 'step' : undefined}
          >
            <span className="steps__number">{index + 1}</span>
            {step.label}
          </li>
        ))}
      </ol>

      {stage === 'file' ? (
        <FileStep
          path={path}
          onPathChange={setPath}
          previewing={previewing}
          error={previewError}
          onPreview={() => void readPreview(path.trim(), read, false)}
        />
      ) : null}

      {stage === 'columns' && preview ? (
        <>
          {state.status === 'cancelled' ? (
            <p className="message message--warning" role="status">
              The import was cancelled. Nothing was added to the workspace.
            </p>
          ) : null}
          {previewError ? <p className="message message--error">{previewError.message}</p> : null}
          <MappingStep
            preview={preview}
            read={read}
            onReadChange={(next) => {
              setRead(next);
              void readPreview(path.trim(), next, true);
            }}
            rereading={previewing}
            columns={columns}
            onColumnsChange={setColumns}
            name={name}
            onNameChange={setName}
            policy={policy}
            onPolicyChange={setPolicy}
            onBack={() => setStage('file')}
            onImport={() => void startImport()}
          />
        </>
      ) : null}

      {stage === 'importing' ? (
        <div className="form">
          <p className="notice">
            Importing <code>{path}</code> as “{name}”. The import is one transaction: if it is cancelled or
            fails, the workspace stays exactly as it was.
          </p>
          <ProgressPanel
            label="Import"
            progress={state.status === 'running' ? state.progress : null}
            onCancel={importCall.cancel}
          />
        </div>
      ) : null}

      {stage === 'outcome' && state.status === 'done' ? (
        <div className="form">
          <div className="report-status report-status--ok" role="status">
            <strong>
              {state.value.reused
                ? `The existing dataset “${state.value.dataset.name}” is used.`
                : `Imported “${state.value.dataset.name}”: ${formatCount(state.value.dataset.rows)} rows, base rate ${formatPercent(state.value.dataset.baseRate)}.`}
            </strong>
          </div>
          <h3 className="section-title">Validation report</h3>
          <ValidationReportView report={state.value.validation} />
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => onDiagnose(state.value.dataset)}
            >
              Diagnose this dataset
            </button>
          </div>
        </div>
      ) : null}

      {stage === 'outcome' && state.status === 'failed' ? (
        state.error.code === 'conflict' ? (
          <DuplicateNotice
            message={state.error.message}
            existingName={duplicateOf(state.error)}
            onBack={() => setStage('columns')}
            onReuse={() => void startImport({ ifExists: 'reuse' })}
            onImportAgain={() => void startImport({ ifExists: 'import-again' })}
          />
        ) : (
          <ImportRefusal
            error={state.error}
            policy={policy}
            onBack={() => setStage('columns')}
            onSkipBadRows={() => void startImport({ onError: 'skip' })}
          />
        )
      ) : null}
    </Dialog>
  );
}
