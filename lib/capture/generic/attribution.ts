import type { ContactDraft } from '../../domain/contact-draft';

/**
 * Which page element a contact was read from (a microdata item, an RDFa subject, an h-card), so a
 * `tel:` / `mailto:` link is given to the contact whose element contains it and to no other.
 * JSON-LD contacts have no element: links never go to them by containment.
 */
const elements = new WeakMap<ContactDraft, Element>();
const owners = new WeakMap<Element, ContactDraft>();

export function bindElement(c: ContactDraft, el: Element | undefined): void {
  if (!el || owners.has(el)) return;
  elements.set(c, el);
  owners.set(el, c);
}

export function elementOf(c: ContactDraft): Element | undefined {
  return elements.get(c);
}

/** The contact whose element is the nearest ancestor of `el` (nested cards: the innermost wins). */
export function ownerOf(el: Element, limit = 60): ContactDraft | undefined {
  let cur: Element | null = el;
  for (let i = 0; cur && i < limit; i++, cur = cur.parentElement) {
    const c = owners.get(cur);
    if (c) return c;
  }
  return undefined;
}

/** When two readings of one contact are merged, the merged one keeps an element. */
export function carryElement(into: ContactDraft, from: ContactDraft): void {
  const el = elements.get(from);
  if (!el) return;
  if (!elements.has(into)) elements.set(into, el);
  owners.set(el, into);
}
