// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { addInteraction, updateCustomer } from '../../lib/db';
import { dbPath } from '../../lib/sync/couch';
import { newTeamKey, unlockTeamKey, WrongTeamPassphraseError } from '../../lib/sync/team-key';
import { readWorkspace } from '../../lib/sync/server';
import { adminCouch, haveCouch } from './couch-env';
import { card, device, makeTeam, settle } from './helpers';

vi.mock('../../lib/security/crypto', async (orig) => (await import('../security/fast-kdf')).withFastKdf(orig));

describe.skipIf(!haveCouch)('end-to-end encrypted team workspace', { timeout: 60_000 }, () => {
  it("the server's documents hold no plaintext of the protected fields; members read them in clear", async () => {
    const { meta, keys } = await newTeamKey('correct horse battery staple');
    const team = await makeTeam({ ann: 'admin', bob: 'editor' }, meta);
    const a = await device(team, 'ann', { teamKeys: keys });
    const c = await card(a, 'Secretive Ltd', {
      emails: [{ value: 'ceo@secretive.example' }], phones: [{ raw: '+86 138 0013 8000' }], notes: 'prefers calls after 6pm',
      addresses: [{ formatted: '1 Hidden Road, Shanghai' }],
    });
    await addInteraction(a.ctx, { customerId: c.id, type: 'meeting', occurredAt: a.ctx.clock.now - 1000, subject: 'merger talk', content: 'confidential numbers', nextStep: { text: 'send the term sheet' } });
    await a.engine.round();
    const all = JSON.stringify(await adminCouch().request('GET', `${dbPath(team.db)}/_all_docs?include_docs=true`));
    // Digits only as whole numbers: a short run like '138' turns up by chance in base64 ciphertext.
    for (const secret of ['ceo@secretive', '138 0013 8000', '8613800138000', 'after 6pm', 'Hidden Road', 'merger', 'confidential', 'term sheet']) expect(all).not.toContain(secret);
    expect(all).toContain('Secretive Ltd'); // names stay in clear, as with the local lock
    // A member with the team passphrase reads everything.
    const ws = await readWorkspace(adminCouch(), team.db);
    const unlocked = await unlockTeamKey('correct horse battery staple', ws.encryption!);
    const b = await device(team, 'bob', { teamKeys: unlocked.keys });
    await b.engine.pull();
    const got = await b.ctx.db.customers.get(c.id);
    expect(got?.emails[0]?.value).toBe('ceo@secretive.example');
    expect(got?.notes).toBe('prefers calls after 6pm');
    expect((await b.ctx.db.customers.where('emailKeys').equals('ceo@secretive.example').count())).toBe(1);
    // A conflict value is sealed too.
    await updateCustomer(a.ctx, c.id, { notes: 'A: secret one' });
    b.ctx.clock.now += 10_000;
    await updateCustomer(b.ctx, c.id, { notes: 'B: secret two' });
    await settle(a, b);
    expect((await a.ctx.db.syncConflicts.get(`customer:${c.id}`))?.items[0]?.value).toBe('A: secret one');
    const after = JSON.stringify(await adminCouch().request('GET', `${dbPath(team.db)}/_all_docs?include_docs=true`));
    expect(after).not.toContain('secret one');
    expect(after).not.toContain('secret two');
    await expect(unlockTeamKey('wrong', ws.encryption!)).rejects.toBeInstanceOf(WrongTeamPassphraseError);
  });

  it('the server refuses plaintext contact fields in an encrypted workspace', async () => {
    const { meta } = await newTeamKey('pass phrase');
    const team = await makeTeam({ ann: 'admin' }, meta);
    const a = await device(team, 'ann'); // a device that does not seal (an old or a broken client)
    await card(a, 'Leaky');
    expect((await a.engine.push()).refused).toBe(1);
    const doc = { _id: 'customer:x1', type: 'customer', author: a.name, data: { id: 'x1', name: 'Leaky', emails: [{ value: 'a@b.c' }], createdAt: 1, updatedAt: 1, deletedAt: null } };
    await expect(a.couch.request('PUT', `${dbPath(team.db)}/customer:x1`, doc)).rejects.toMatchObject({ status: 403 });
  });
});
