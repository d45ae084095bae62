import type { RepoContext } from '../db';
import { addInteraction, findByEmail } from '../db';
import type { CaptureDraft } from '../domain/contact-draft';
import type { Customer } from '../domain/customer';
import { t, type Lang } from '../i18n';

/**
 * The webmail chip: "this sender is already a customer", and "Log this email" in one click.
 * Runs in the background; the content script only shows what it is given (text, never HTML).
 */
export interface KnownSender {
  email: string;
  customerId: string;
  name: string;
  /** Short words for the card's tiers and status ("High value", "签约"). */
  badges: string[];
}

export interface ChipTexts {
  log: string;
  logged: string;
  already: string;
  failed: string;
  open: string;
}

export function chipTexts(lang: Lang): ChipTexts {
  return { log: t('chip.log', undefined, lang), logged: t('chip.logged', undefined, lang), already: t('chip.already', undefined, lang), failed: t('chip.failed', undefined, lang), open: t('chip.open', undefined, lang) };
}

function badgesOf(c: Customer, lang: Lang): string[] {
  const out: string[] = [];
  if (c.valueTier !== 'unknown') out.push(t(`value.${c.valueTier}`, undefined, lang));
  out.push(t(`status.${c.status}`, undefined, lang));
  return out;
}

/** Which of these addresses belong to a customer (the first live card for each). */
export async function knownSenders(repo: RepoContext, emails: readonly string[], lang: Lang): Promise<KnownSender[]> {
  const out: KnownSender[] = [];
  for (const email of [...new Set(emails.map((e) => e.trim().toLowerCase()))].slice(0, 50)) {
    const [c] = await findByEmail(repo, email);
    if (c) out.push({ email, customerId: c.id, name: c.name || email, badges: badgesOf(c, lang) });
  }
  return out;
}

export type LogOutcome = 'logged' | 'duplicate' | 'unknown' | 'off' | 'unreadable';

/**
 * Log the open email on the card of the customer it concerns (the sender of an incoming email,
 * the first known recipient of one the user sent), without the review form. Deduplicated by the
 * draft's message id (or its sender + date + subject fingerprint): clipping twice logs once.
 * `auto` (the optional "log known customers' emails automatically" setting) logs only when the
 * setting is on.
 */
export async function logEmail(repo: RepoContext, draft: CaptureDraft, opts: { auto: boolean }): Promise<{ outcome: LogOutcome; customerId?: string }> {
  const ix = draft.interaction;
  if (!ix || ix.type !== 'email' || !draft.contacts.length) return { outcome: 'unreadable' };
  const settings = await repo.settings();
  if (opts.auto && !settings.autoLogKnown) return { outcome: 'off' };
  const candidates = ix.direction === 'in' ? draft.contacts.slice(0, 1) : draft.contacts;
  let customer: Customer | undefined;
  for (const c of candidates) {
    for (const e of c.emails) {
      [customer] = await findByEmail(repo, e.value);
      if (customer) break;
    }
    if (customer) break;
  }
  if (!customer) return { outcome: 'unknown' };
  const id = customer.id;
  const logged = ix.messageId
    ? await repo.db.interactions.where('source.messageId').equals(ix.messageId).filter((i) => i.deletedAt === null && i.customerId === id).first()
    : undefined;
  if (logged) return { outcome: 'duplicate', customerId: id };
  await addInteraction(repo, {
    customerId: id, type: 'email', direction: ix.direction, occurredAt: ix.occurredAt ?? repo.now(),
    subject: (ix.subject ?? '').slice(0, 500), content: ix.snippet ?? '',
    source: { url: ix.url, provider: draft.provider, messageId: ix.messageId },
  });
  return { outcome: 'logged', customerId: id };
}
