import type { Customer } from '../../lib/domain';
import { settings } from '../../lib/state/settings';
import { Badges } from '../customer/Badges';
import { maskEmail, maskPhone } from './mask';

interface ResultRowProps {
  customer: Customer;
  onOpen(id: string): void;
  /** A short note on why it is listed ("email on page"). */
  why?: string;
}

/** One customer in a list: name, company, badges, first contact (masked when the user wants). */
export function ResultRow({ customer: c, onOpen, why }: ResultRowProps) {
  const mask = settings.value.maskContacts;
  const email = c.emails[0]?.value;
  const phone = c.phones[0]?.raw;
  const contact = [email && (mask ? maskEmail(email) : email), phone && (mask ? maskPhone(phone) : phone)].filter(Boolean).join(' · ');
  return (
    <li>
      <button class="result" data-result-id={c.id} onClick={() => onOpen(c.id)}>
        <strong>{c.name}</strong> <span class="muted">{c.company}</span>
        <Badges customer={c} tags={false} />
        {contact && <span class="result__contact muted" data-testid="result-contact">{contact}</span>}
        {why && <span class="chip">{why}</span>}
      </button>
    </li>
  );
}

/** Arrow keys move between the buttons of a result list; Escape goes back to the search box. */
export function listKeys(e: KeyboardEvent, input: HTMLInputElement | null): void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('button.result'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  } else if (e.key === 'Escape') {
    input?.focus();
  }
}
