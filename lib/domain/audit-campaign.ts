import { z } from 'zod';
import { epochMs, recordBase } from './record';

export const checkOutcomes = ['confirmed', 'corrected', 'unreachable'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

/** One card checked: in a campaign (campaignId) or on its own (campaignId ''). Sets the card's reviewedAt unless unreachable. */
export const auditCheckSchema = recordBase.extend({
  campaignId: z.string(),
  customerId: z.string().min(1),
  /** The card's owner when checked: the campaign's progress is grouped by it. */
  owner: z.string().max(100),
  name: z.string().max(200),
  at: epochMs,
  outcome: z.enum(checkOutcomes),
  /** Fields corrected. */
  fields: z.array(z.string()).default([]),
  note: z.string().max(500).default(''),
  who: z.string().max(100).default(''),
});
export type AuditCheck = z.infer<typeof auditCheckSchema>;

export const ownerCountsSchema = z.object({
  owner: z.string(), total: z.number().int(), confirmed: z.number().int(), corrected: z.number().int(),
  unreachable: z.number().int(), unchecked: z.number().int(),
});
export type OwnerCounts = z.infer<typeof ownerCountsSchema>;

/** 《客户信息核查报告》: what the half-yearly audit found, kept with the campaign. */
export const verificationReportSchema = z.object({
  total: z.number().int(),
  confirmed: z.number().int(),
  corrected: z.number().int(),
  unreachable: z.number().int(),
  unchecked: z.number().int(),
  byOwner: z.array(ownerCountsSchema),
  /** Corrected fields and how often. */
  changedFields: z.array(z.object({ field: z.string(), count: z.number().int() })),
  /** Cards that could not be confirmed (unreachable or never checked), at most NOT_CONFIRMED_LIMIT. */
  notConfirmed: z.array(z.object({ customerId: z.string(), name: z.string(), owner: z.string(), why: z.enum(['unreachable', 'unchecked']), note: z.string() })),
});
export type VerificationReport = z.infer<typeof verificationReportSchema>;
export const NOT_CONFIRMED_LIMIT = 2000;

export const auditCampaignSchema = recordBase.extend({
  startedAt: epochMs,
  startedBy: z.string().max(100),
  /** Live cards when it started. */
  total: z.number().int().nonnegative(),
  finishedAt: epochMs.optional(),
  report: verificationReportSchema.optional(),
});
export type AuditCampaign = z.infer<typeof auditCampaignSchema>;

/** The last check of each card (a card checked twice counts once, as its latest outcome). */
export function latestChecks(checks: readonly AuditCheck[]): AuditCheck[] {
  const by = new Map<string, AuditCheck>();
  for (const c of checks) { const b = by.get(c.customerId); if (!b || c.at >= b.at) by.set(c.customerId, c); }
  return [...by.values()];
}

/**
 * The verification report from a campaign's checks and the cards left unchecked (pure): counts
 * overall and per owner, fields corrected, and what could not be confirmed.
 */
export function verificationReport(
  checks: readonly AuditCheck[],
  unchecked: readonly { customerId: string; name: string; owner: string }[],
  uncheckedTotal = unchecked.length,
): VerificationReport {
  const latest = latestChecks(checks);
  const owners = new Map<string, OwnerCounts>();
  const row = (owner: string) => {
    let r = owners.get(owner);
    if (!r) owners.set(owner, (r = { owner, total: 0, confirmed: 0, corrected: 0, unreachable: 0, unchecked: 0 }));
    return r;
  };
  const fields = new Map<string, number>();
  for (const c of latest) {
    const r = row(c.owner);
    r.total += 1;
    r[c.outcome] += 1;
    if (c.outcome === 'corrected') for (const f of c.fields) fields.set(f, (fields.get(f) ?? 0) + 1);
  }
  for (const u of unchecked) { const r = row(u.owner); r.total += 1; r.unchecked += 1; }
  const count = (o: string) => latest.filter((c) => c.outcome === o).length;
  const notConfirmed = [
    ...latest.filter((c) => c.outcome === 'unreachable').map((c) => ({ customerId: c.customerId, name: c.name, owner: c.owner, why: 'unreachable' as const, note: c.note })),
    ...unchecked.map((u) => ({ ...u, why: 'unchecked' as const, note: '' })),
  ].slice(0, NOT_CONFIRMED_LIMIT);
  return {
    total: latest.length + uncheckedTotal,
    confirmed: count('confirmed'),
    corrected: count('corrected'),
    unreachable: count('unreachable'),
    unchecked: uncheckedTotal,
    byOwner: [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner)),
    changedFields: [...fields].map(([field, n]) => ({ field, count: n })).sort((a, b) => b.count - a.count || a.field.localeCompare(b.field)),
    notConfirmed,
  };
}
