import { z } from 'zod';
import { addressSchema, birthdaySchema, customerKinds, phoneLabels, socialSchema } from './customer';
import { directions } from './interaction';

/**
 * A contact read from somewhere (a capture, an import) before a person confirms it.
 * Looser than a Customer: any field may be missing, nothing is normalised yet.
 * Capture and import both produce this shape; the review form and the importer turn it into a Customer.
 */
export const contactDraftSchema = z.object({
  kind: z.enum(customerKinds).default('person'),
  name: z.string().max(500).default(''),
  company: z.string().max(500).default(''),
  title: z.string().max(500).default(''),
  department: z.string().max(500).default(''),
  emails: z.array(z.object({ value: z.string().max(500), label: z.string().max(40).default('') })).max(200).default([]),
  phones: z
    .array(z.object({ raw: z.string().max(100), e164: z.string().optional(), label: z.enum(phoneLabels).default('other') }))
    .max(100)
    .default([]),
  addresses: z.array(addressSchema.partial()).max(20).default([]),
  websites: z.array(z.string().max(2000)).max(50).default([]),
  social: z.array(socialSchema).max(50).default([]),
  birthday: birthdaySchema.optional(),
  notes: z.string().max(100_000).default(''),
  tags: z.array(z.string().max(60)).max(100).default([]),
  /** Where each field came from ("json-ld", "signature", "header", "vcard" …), for the review form. */
  provenance: z.record(z.string(), z.string().max(100)).default({}),
});
export type ContactDraft = z.infer<typeof contactDraftSchema>;
export type ContactDraftInput = z.input<typeof contactDraftSchema>;

/** The email a capture read, to be logged on the customer's timeline. */
export const capturedEmailSchema = z.object({
  type: z.literal('email'),
  direction: z.enum(directions),
  occurredAt: z.number().int().nonnegative().optional(),
  subject: z.string().max(2000).optional(),
  snippet: z.string().max(20_000).optional(),
  url: z.string().max(4000),
  messageId: z.string().max(1000).optional(),
});

/** What `extractCapture` returns: contacts[0] is the main one (the sender of the open message). */
export const captureDraftSchema = z.object({
  provider: z.string().max(40),
  contacts: z.array(contactDraftSchema).max(500),
  interaction: capturedEmailSchema.optional(),
  warnings: z.array(z.string().max(500)).max(50),
  /** .vcf links found on a page: listed, fetched only when the user asks. */
  vcardLinks: z.array(z.string().max(2000)).max(50).optional(),
});
export type CaptureDraft = z.infer<typeof captureDraftSchema>;
export type CapturedEmail = z.infer<typeof capturedEmailSchema>;
