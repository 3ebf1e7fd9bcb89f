import type { ErrorPolicy, ReadOptions } from '../../../../../shared/domain/import-options';
import type { ImportPreview } from '../../../../../shared/domain/import-preview';
import { SegmentedControl } from '../../../components/SegmentedControl';
import { ColumnMappingTable } from './ColumnMappingTable';
import { mappingProblems, mappingWarnings, type MappedColumn } from './column-mapping';
import { PreviewRowsTable } from './PreviewRowsTable';
import { ReadOptionsBar } from './ReadOptionsBar';

interface Props {
  preview: ImportPreview;
  read: ReadOptions;
  onReadChange: (read: ReadOptions) => void;
  rereading: boolean;
  columns: MappedColumn[];
  onColumnsChange: (columns: MappedColumn[]) => void;
  name: string;
  onNameChange: (name: string) => void;
  policy: ErrorPolicy;
  onPolicyChange: (policy: ErrorPolicy) => void;
  onBack: () => void;
  onImport: () => void;
}

/** Step 2: how the file reads, what each column is, and what to do with bad rows. */
export function MappingStep(props: Props) {
  const { preview, columns } = props;
  const problems = mappingProblems(columns);
  const warnings = mappingWarnings(columns);
  return (
    <div className="form">
      <ReadOptionsBar
        preview={preview}
        read={props.read}
        onChange={props.onReadChange}
        disabled={props.rereading}
      />
      <div className="form__grid">
        <label className="field">
          <span className="field__label">Dataset name</span>
          <input
            className="input"
            value={props.name}
            maxLength={200}
            onChange={(event) => props.onNameChange(event.target.value)}
          />
        </label>
        <SegmentedControl<ErrorPolicy>
          label="When a row is bad"
          name="error-policy"
          value={props.policy}
          onChange={props.onPolicyChange}
          options={[
            {
              value: 'refuse',
              label: 'Refuse the file',
              title: 'The first bad row stops the import; nothing is kept.',
            },
            {
              value: 'skip',
              label: 'Skip bad rows',
              title: 'Bad rows are left out and listed in the report.',
            },
          ]}
        />
      </div>
      <h3 className="section-title">Columns</h3>
      <ColumnMappingTable preview={preview} columns={columns} onChange={props.onColumnsChange} />
      <div className="messages" aria-live="polite">
        {problems.map((problem) => (
          <p key={problem} className="message message--error">
            {problem}
          </p>
        ))}
        {warnings.map((warning) => (
          <p key={warning} className="message message--warning">
            {warning}
          </p>
        ))}
      </div>
      <details className="disclosure">
        <summary>First rows of the file, as written</summary>
        <PreviewRowsTable preview={preview} />
      </details>
      <div className="form__actions">
        <button type="button" className="button" onClick={props.onBack}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={problems.length > 0 || props.name.trim() === '' || props.rereading}
          onClick={props.onImport}
        >
          Import
        </button>
      </div>
    </div>
  );
}
