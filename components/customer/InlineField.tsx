import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ValidationError } from '../../lib/db/errors';
import { t } from '../../lib/i18n';

interface InlineFieldProps {
  label: string;
  /** The field's name, for tests and error lookup. */
  name: string;
  value: string;
  /** Shown instead of the raw value when not editing (e.g. a translated stage). */
  display?: string;
  multiline?: boolean;
  options?: Array<{ value: string; label: string }>;
  onSave(value: string): Promise<void>;
}

/**
 * One field edited in place: the value is a button (Enter or click edits), the editor saves on
 * Enter (Ctrl+Enter in a multi-line note) and cancels on Escape; focus returns to the value.
 */
export function InlineField({ label, name, value, display, multiline, options, onSave }: InlineFieldProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState('');
  const editor = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);
  const shown = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Layout effects run right after the DOM update, so keys typed next land in the right place.
  useLayoutEffect(() => {
    if (editing) editor.current?.focus();
    else if (returnFocus.current) shown.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  const start = () => {
    setDraft(value);
    setError('');
    setEditing(true);
  };
  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = async () => {
    try {
      if (draft !== value) await onSave(draft);
      stop();
    } catch (e) {
      setError(e instanceof ValidationError ? e.issues.map((i) => i.message).join('; ') : String(e));
    }
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      stop();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <div class="details__row" data-inline={name}>
      <dt id={`lbl-${name}`}>{label}</dt>
      <dd>
        {!editing && (
          <button ref={shown} type="button" class={`inline-value${multiline ? ' pre' : ''}`} onClick={start}
            aria-label={`${label}: ${display ?? value}`} title={t('sp.editField', { field: label })}>
            {(display ?? value) || <span class="muted">{t('sp.empty')}</span>}
          </button>
        )}
        {editing && options && (
          <select ref={editor} name={name} aria-labelledby={`lbl-${name}`} value={draft} onKeyDown={keys} onBlur={() => void save()}
            onChange={(e) => setDraft(e.currentTarget.value)}>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
        {editing && !options && multiline && (
          <textarea ref={editor} name={name} autoComplete="off" rows={4} aria-labelledby={`lbl-${name}`} value={draft} onKeyDown={keys}
            onInput={(e) => setDraft(e.currentTarget.value)} title={t('sp.saveHint')} />
        )}
        {editing && !options && !multiline && (
          <input ref={editor} name={name} autoComplete="off" aria-labelledby={`lbl-${name}`} value={draft} onKeyDown={keys}
            onInput={(e) => setDraft(e.currentTarget.value)} title={t('sp.saveHint')} />
        )}
        {error && <span class="field__error" role="alert">{error}</span>}
      </dd>
    </div>
  );
}
