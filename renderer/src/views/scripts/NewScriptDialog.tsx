import { useState } from 'react';
import type { ScriptSummary } from '../../../../shared/api/calls/script-calls';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { FormActions, NameField } from '../../components/FormParts';
import { useDialogAction } from '../../components/use-dialog-action';
import { SCRIPT_TEMPLATES } from './example-scripts';
import { uniqueName } from './unique-name';

interface Props {
  /** Names in use, so the suggested name is free. */
  takenNames: string[];
  /** The template chosen when the dialog opens. */
  initialTemplate?: string;
  onClose: () => void;
  onCreated: (script: ScriptSummary) => void;
}

/** A new script from one of the examples or blank; it is saved at once as version 1. */
export function NewScriptDialog({ takenNames, initialTemplate, onClose, onCreated }: Props) {
  const api = useApi();
  const [templateId, setTemplateId] = useState(initialTemplate ?? SCRIPT_TEMPLATES[0]?.id ?? 'blank');
  const template = SCRIPT_TEMPLATES.find((t) => t.id === templateId) ?? SCRIPT_TEMPLATES[0];
  const [name, setName] = useState(() => uniqueName(template?.defaultName ?? 'New script', takenNames));
  const [nameEdited, setNameEdited] = useState(false);
  const create = useDialogAction();
  const trimmed = name.trim();

  const choose = (id: string) => {
    setTemplateId(id);
    const next = SCRIPT_TEMPLATES.find((t) => t.id === id);
    if (next && !nameEdited) setName(uniqueName(next.defaultName, takenNames));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || !template) return;
    await create.run(
      async () =>
        onCreated((await api.call('scripts.save', { name: trimmed, source: template.source })).summary),
      { clearError: true },
    );
  };

  return (
    <Dialog title="New script" onClose={onClose} size="large" initialFocus="input[name='template']:checked">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <fieldset className="template-list">
          <legend className="field__label">Start from</legend>
          {SCRIPT_TEMPLATES.map((t) => (
            <label key={t.id} className={`template-card${t.id === templateId ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="template"
                value={t.id}
                checked={t.id === templateId}
                onChange={() => choose(t.id)}
              />
              <span className="template-card__text">
                <span className="template-card__name">{t.label}</span>
                <span className="template-card__description">{t.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <NameField
          label="Script name"
          value={name}
          onChange={(value) => {
            setName(value);
            setNameEdited(true);
          }}
        />
        <FormActions
          error={create.error}
          onCancel={onClose}
          submitLabel={create.running ? 'Creating…' : 'Create script'}
          disabled={create.running || trimmed === ''}
        />
      </form>
    </Dialog>
  );
}
