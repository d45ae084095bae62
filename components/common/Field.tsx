import type { ComponentChildren } from 'preact';

interface FieldProps {
  label: string;
  /** The validation message for this field, if any. */
  error?: string;
  /** Path used to find the field's error, exposed for tests and focus. */
  path?: string;
  children: ComponentChildren;
  wide?: boolean;
}

/** A labelled form field with its error shown beneath. */
export function Field({ label, error, path, children, wide }: FieldProps) {
  return (
    <label class={`field${wide ? ' field--wide' : ''}${error ? ' field--invalid' : ''}`} data-field={path}>
      <span class="field__label">{label}</span>
      {children}
      {error && <span class="field__error" role="alert" data-error-for={path}>{error}</span>}
    </label>
  );
}
