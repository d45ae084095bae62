import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

interface ListEditorProps<T> {
  legend: string;
  items: T[];
  onChange(items: T[]): void;
  blank(): T;
  row(item: T, set: (next: T) => void, index: number): ComponentChildren;
  name: string;
}

/** A repeatable group of inputs (several emails, phones, addresses …) with add and remove. */
export function ListEditor<T>({ legend, items, onChange, blank, row, name }: ListEditorProps<T>) {
  return (
    <fieldset class="list-editor" data-list={name}>
      <legend>{legend}</legend>
      {items.map((item, i) => (
        <div class="list-editor__row" key={i}>
          {row(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))), i)}
          <button type="button" class="link" aria-label={`${t('remove')} ${legend} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" class="link" data-add={name} onClick={() => onChange([...items, blank()])}>
        + {t('add')}
      </button>
    </fieldset>
  );
}
