// The one empty contact: every field at its default, as contactDraftSchema would fill them.
// Free of zod (type import only): content scripts and the capture code build drafts from it.
import type { ContactDraft } from './contact-draft';

/** An empty contact draft of the given kind, with any fields given already set. */
export function emptyContact(init: Partial<ContactDraft> & { kind?: ContactDraft['kind'] } = {}): ContactDraft {
  return {
    kind: 'person', name: '', company: '', title: '', department: '', emails: [], phones: [], addresses: [],
    websites: [], social: [], notes: '', tags: [], provenance: {}, ...init,
  };
}
