import type { ContactDraft } from '../domain/contact-draft';
import type { Customer } from '../domain/customer';
import { emailKey, linkedinKey, sameLinkedin, sameNameAndCompany } from '../domain/identity';
import { toE164 } from '../domain/phone';
import type { RepoContext } from './context';
import { findByEmail, findByPhone } from './customers';

/** How an existing card was recognised, strongest first (SPEC §5). */
export type MatchBy = 'email' | 'phone' | 'linkedin' | 'name+company';
export interface Match {
  customer: Customer;
  by: MatchBy;
}

/** Existing live cards this contact may be: by email, E.164 phone, LinkedIn URL, then name + company (lib/domain/identity rules). */
export async function findMatches(ctx: RepoContext, c: ContactDraft): Promise<Match[]> {
  const out: Match[] = [];
  const add = (list: Customer[], by: MatchBy) => list.forEach((customer) => out.some((m) => m.customer.id === customer.id) || out.push({ customer, by }));
  for (const e of c.emails) add(await findByEmail(ctx, emailKey(e.value)), 'email');
  // A phone typed without a country code is read with the user's default region, as cards store it.
  const region = (await ctx.settings()).defaultRegion;
  for (const p of c.phones) {
    const e164 = p.e164 ?? toE164(p.raw, region);
    if (e164) add(await findByPhone(ctx, e164), 'phone');
  }
  const li = c.social.filter((s) => s.network === 'linkedin').map((s) => linkedinKey(s.handle));
  const onLinkedin = (x: Customer) => li.length > 0 && x.social.some((s) => s.network === 'linkedin' && li.some((k) => sameLinkedin(k, linkedinKey(s.handle))));
  if (li.length || c.name.trim()) {
    // No index fits a fuzzy name or a LinkedIn URL: one filtered pass, capped.
    const rest = await ctx.db.customers
      .filter((x) => x.deletedAt === null && (onLinkedin(x) || sameNameAndCompany(c, x)))
      .limit(20)
      .toArray();
    add(rest.filter(onLinkedin), 'linkedin');
    add(rest, 'name+company');
  }
  return out;
}
