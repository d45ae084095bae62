import Dexie from 'dexie';
import { z } from 'zod';
import type { RepoContext } from '../db/context';
import { changedFields } from '../db/context';
import { customerInputSchema, type Customer } from '../domain/customer';
import { deriveCustomer, lookupKeys } from '../domain/derive';
import { followUpInputSchema } from '../domain/followup';
import { interactionInputSchema, type Interaction } from '../domain/interaction';
import { newId, recordBase } from '../domain/record';
import type { VaultKeys } from '../security/crypto';
import { cryptoState } from '../security/state';
import { Couch, CouchError, dbPath } from './couch';
import { baseHashes, conflictHash, differsFromBase, sameData, stableJson, threeWay } from './merge';
import { CONFLICTS, markRemote, type OutboxRow } from './outbox';
import type { SyncBase, SyncConflictRow } from './tables';
import { openDoc, sealDoc } from './team-key';
import { docIdOf, parseDocId, syncedData, TYPE_OF, type FieldConflict, type SyncDoc, type SyncedTable } from './wire';

/**
 * The replicator: our own over CouchDB's replication protocol, writing the existing Dexie store
 * (SYNC.md: a plain change-feed reader is 2–2.6× faster than PouchDB as a second store).
 *
 * push: outbox rows → `_bulk_docs` with the `_rev` last agreed on; a 409 fetches the server's
 * version, merges field by field against the base (three-way) and sends again.
 * pull: `_changes` pages, the checkpoint saved in the same transaction as the page; our own
 * revisions coming back are recognised (same `_rev` as the base) and skipped; records with unsent
 * local edits are merged; server-side `_conflicts` are merged and the losing leaves deleted.
 * A round with nothing new on either side writes nothing, locally or on the server.
 */
export interface EngineOptions {
  db: string;
  /** The signed-in member: the author of every revision this device writes. */
  member: string;
  /** The workspace key of an end-to-end encrypted workspace (undefined: plain to the team's server). */
  teamKeys?: VaultKeys;
  encrypted?: boolean;
  /** Docs per `_bulk_docs` and per `_changes` page. */
  batch?: number;
}

export interface PushResult { sent: number; merged: number; refused: number; skipped: number }
export interface PullResult { received: number; merged: number; pages: number; lastSeq: string }
export interface Progress { done: number; total: number }

const TABLES = ['customers', 'interactions', 'followUps'] as const;
const wireSchemas = {
  customers: recordBase.omit({ rev: true }).extend(customerInputSchema.shape),
  interactions: recordBase.omit({ rev: true }).extend(interactionInputSchema.shape),
  followUps: recordBase.omit({ rev: true }).extend(followUpInputSchema.shape),
};
const conflictSchema = z.object({ field: z.string().max(200), value: z.unknown(), author: z.string().max(100), at: z.number() });

export class SyncRefusedError extends Error {
  override name = 'SyncRefusedError';
}

/** Sync pauses while the local passphrase lock is on and locked: records cannot be read or written in clear. */
export const lockedOut = () => cryptoState.enabled && !cryptoState.keys;

interface Decoded {
  doc: SyncDoc;
  table: SyncedTable;
  id: string;
  data?: Record<string, unknown>;
  conflicts: FieldConflict[];
}

export class SyncEngine {
  readonly batch: number;
  constructor(readonly ctx: RepoContext, readonly couch: Couch, readonly opts: EngineOptions) {
    this.batch = opts.batch ?? 500;
  }

  private get path() { return dbPath(this.opts.db); }

  /** Unsent local changes (refused ones not counted) and refused ones. */
  async pending(): Promise<{ waiting: number; refused: number }> {
    const rows = await this.ctx.db.outbox.toArray();
    const refused = rows.filter((r) => r.refused).length;
    return { waiting: rows.length - refused, refused };
  }

  // ---------------------------------------------------------------- push

  async push(onProgress?: (p: Progress) => void): Promise<PushResult> {
    const { db } = this.ctx;
    const out: PushResult = { sent: 0, merged: 0, refused: 0, skipped: 0 };
    const total = await db.outbox.count();
    let done = 0;
    let afterSeq = -Infinity;
    // A 409 merges and leaves the row for the next loop: bounded so a hot record cannot spin forever.
    let conflictRounds = 0;
    for (;;) {
      const rows = await db.outbox.where('seq').above(afterSeq).filter((r) => !r.refused).limit(this.batch).toArray();
      if (rows.length === 0) break;
      const { docs, sentRows, drop, meta } = await this.encode(rows);
      if (drop.length) await this.dropRows(drop);
      out.skipped += drop.length;
      const conflicted: string[] = [];
      if (docs.length) {
        const results = await this.couch.request<{ id: string; rev?: string; ok?: boolean; error?: string; reason?: string }[]>('POST', `${this.path}/_bulk_docs`, { docs });
        const ok: { row: OutboxRow; base: SyncBase | null }[] = [];
        const refused: { row: OutboxRow; reason: string }[] = [];
        results.forEach((r, i) => {
          const row = sentRows[i]!;
          if (r.ok && r.rev) ok.push({ row, base: meta[i]!.deleted ? null : { key: row.key, rev: r.rev, h: meta[i]!.h, c: meta[i]!.c } });
          else if (r.error === 'conflict') conflicted.push(row.key);
          else refused.push({ row, reason: r.error === 'forbidden' || r.error === 'unauthorized' ? String(r.reason ?? r.error) : `${r.error}: ${r.reason ?? ''}` });
        });
        await this.settle(ok, refused);
        out.sent += ok.length;
        out.refused += refused.length;
      }
      if (conflicted.length) {
        const remote = await this.fetchDocs(conflicted);
        await this.applyDocs(remote, { first: false });
        out.merged += conflicted.length;
      }
      // Rows neither sent nor conflicted are finished; conflicted ones are merged now and go again.
      const last = rows[rows.length - 1]!.seq;
      if (!conflicted.length || ++conflictRounds > 20) afterSeq = last;
      done += rows.length - conflicted.length;
      onProgress?.({ done: Math.min(done, total), total });
    }
    return out;
  }

  /** The documents for a batch of outbox rows (records read in clear, sealed for an encrypted workspace). */
  private async encode(rows: OutboxRow[]) {
    const { db } = this.ctx;
    const keys = rows.map((r) => r.key);
    const [bases, conflictRows] = await Promise.all([db.syncBase.bulkGet(keys), db.syncConflicts.bulkGet(keys)]);
    const records = new Map<string, Record<string, unknown> | undefined>();
    for (const t of TABLES) {
      const ids = rows.map((r) => parseDocId(r.key)).filter((p) => p?.table === t).map((p) => p!.id);
      if (!ids.length) continue;
      const got = await db.table(t).bulkGet(ids);
      ids.forEach((id, i) => records.set(docIdOf(t, id), got[i] as Record<string, unknown> | undefined));
    }
    const docs: SyncDoc[] = [];
    const sentRows: OutboxRow[] = [];
    const meta: { h: SyncBase['h']; c: string[]; deleted: boolean }[] = [];
    const drop: OutboxRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const parsed = parseDocId(row.key);
      const base = bases[i];
      if (!parsed) { drop.push(row); continue; }
      const record = records.get(row.key);
      const conflicts = conflictRows[i]?.items ?? [];
      if (!record) {
        // Removed here (a purge, a restore that replaced the table): a tombstone, if the server ever had it.
        if (!base) { drop.push(row); continue; }
        docs.push({ _id: row.key, _rev: base.rev, _deleted: true, type: TYPE_OF[parsed.table], author: this.opts.member, data: {} });
        sentRows.push(row);
        meta.push({ h: {}, c: [], deleted: true });
        continue;
      }
      const data = syncedData(parsed.table, record);
      if (base && !differsFromBase(base.h, data, conflicts, base.c)) { drop.push(row); continue; }
      docs.push(await this.toDoc(parsed.table, row.key, data, conflicts, base?.rev));
      sentRows.push(row);
      meta.push({ h: baseHashes(data), c: conflicts.map(conflictHash), deleted: false });
    }
    return { docs, sentRows, drop, meta };
  }

  private async toDoc(table: SyncedTable, key: string, data: Record<string, unknown>, conflicts: FieldConflict[], rev?: string): Promise<SyncDoc> {
    const doc: SyncDoc = { _id: key, type: TYPE_OF[table], author: this.opts.member, data };
    if (rev) doc._rev = rev;
    if (this.opts.encrypted) {
      if (!this.opts.teamKeys) throw new SyncRefusedError('The team passphrase is needed to send changes');
      const lk = table === 'customers' ? Object.values(lookupKeys(data as never)).flat() : [];
      const sealed = await sealDoc(this.opts.teamKeys, table, key, data, conflicts, lk);
      return { ...doc, data: sealed.data, enc: sealed.enc, ...(sealed.lookup.length ? { lookup: sealed.lookup } : {}) };
    }
    if (conflicts.length) doc.conflicts = conflicts;
    return doc;
  }

  /** Rows sent: drop them unless written again meanwhile; keep the new base. Refused ones are flagged. */
  private async settle(ok: { row: OutboxRow; base: SyncBase | null }[], refused: { row: OutboxRow; reason: string }[]) {
    const { db } = this.ctx;
    await db.transaction('rw', [db.outbox, db.syncBase], async () => {
      const now = await db.outbox.bulkGet([...ok, ...refused].map((x) => x.row.key));
      const stillSame = (row: OutboxRow, i: number) => now[i]?.seq === row.seq;
      const del = ok.filter((x, i) => stillSame(x.row, i)).map((x) => x.row.key);
      if (del.length) await db.outbox.bulkDelete(del);
      const bases = ok.filter((x) => x.base).map((x) => x.base!);
      if (bases.length) await db.syncBase.bulkPut(bases);
      const gone = ok.filter((x) => !x.base).map((x) => x.row.key);
      if (gone.length) await db.syncBase.bulkDelete(gone);
      const flagged = refused.filter((x, i) => stillSame(x.row, ok.length + i)).map((x) => ({ ...x.row, refused: x.reason.slice(0, 300) }));
      if (flagged.length) await db.outbox.bulkPut(flagged);
    });
  }

  private async dropRows(rows: OutboxRow[]) {
    const { db } = this.ctx;
    await db.transaction('rw', db.outbox, async () => {
      const now = await db.outbox.bulkGet(rows.map((r) => r.key));
      const del = rows.filter((r, i) => now[i]?.seq === r.seq).map((r) => r.key);
      if (del.length) await db.outbox.bulkDelete(del);
    });
  }

  /** Retry refused rows (after a role change): clears the flag. */
  async retryRefused(): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', db.outbox, async () => {
      await db.outbox.filter((r) => !!r.refused).modify((r) => { delete r.refused; });
    });
  }

  /** Throw away refused local changes: the record goes back to the server's version on the next pull. */
  async discardRefused(): Promise<number> {
    const { db } = this.ctx;
    const rows = await db.outbox.filter((r) => !!r.refused).toArray();
    await db.transaction('rw', [db.outbox, db.syncBase], async () => {
      await db.outbox.bulkDelete(rows.map((r) => r.key));
      await db.syncBase.bulkDelete(rows.map((r) => r.key));
    });
    const docs = await this.fetchDocs(rows.map((r) => r.key));
    await this.applyDocs(docs, { first: false });
    return rows.length;
  }

  private async fetchDocs(ids: string[]): Promise<SyncDoc[]> {
    const r = await this.couch.request<{ rows: { key: string; doc?: SyncDoc | null; value?: { rev: string; deleted?: boolean } }[] }>(
      'POST', `${this.path}/_all_docs?include_docs=true&conflicts=true`, { keys: ids });
    return r.rows.map((row) => row.doc ?? (row.value?.deleted ? { _id: row.key, _rev: row.value.rev, _deleted: true } as SyncDoc : undefined))
      .filter((d): d is SyncDoc => !!d);
  }

  // ---------------------------------------------------------------- pull

  /**
   * Read `_changes` from the checkpoint to the end, a page at a time. `longpollMs`: when nothing
   * is new, wait that long on the server for the next change (a page is open).
   */
  async pull(opts: { onProgress?: (p: Progress) => void; longpollMs?: number; signal?: AbortSignal } = {}): Promise<PullResult> {
    const { db } = this.ctx;
    const since = ((await db.syncMeta.get('checkpoint'))?.value as string | undefined) ?? '0';
    const first = since === '0';
    let cp = since;
    const out: PullResult = { received: 0, merged: 0, pages: 0, lastSeq: cp };
    let total = 0;
    if (opts.onProgress && first) total = ((await this.couch.request<{ doc_count: number }>('GET', this.path)).doc_count);
    for (;;) {
      const feed = opts.longpollMs && out.pages === 0 ? `&feed=longpoll&timeout=${opts.longpollMs}` : '';
      const res = await this.couch.request<{ results: { id: string; seq: string; deleted?: boolean; doc?: SyncDoc }[]; last_seq: string }>(
        'GET', `${this.path}/_changes?since=${encodeURIComponent(cp)}&limit=${this.batch}&include_docs=true&conflicts=true&seq_interval=${this.batch}${feed}`,
        undefined, opts.signal);
      out.pages++;
      const docs = res.results.map((r) => r.doc ?? ({ _id: r.id, _deleted: true } as SyncDoc)).filter((d) => !d._id.startsWith('_design/'));
      if (res.results.length) {
        const merged = await this.applyDocs(docs, { first, checkpoint: res.last_seq });
        out.merged += merged;
        out.received += docs.length;
        cp = res.last_seq;
        out.lastSeq = cp;
        opts.onProgress?.({ done: out.received, total: Math.max(total, out.received) });
      }
      if (res.results.length < this.batch) break;
    }
    return out;
  }

  /** Decrypt and validate outside any transaction (WebCrypto would let a Dexie transaction commit). */
  private async decode(docs: SyncDoc[]): Promise<Decoded[]> {
    const out: Decoded[] = [];
    for (const doc of docs) {
      const p = parseDocId(doc._id);
      if (!p) continue;
      if (doc._deleted) { out.push({ doc, table: p.table, id: p.id, conflicts: [] }); continue; }
      let data = doc.data;
      let conflicts: unknown = doc.conflicts ?? [];
      try {
        if (doc.enc) {
          if (!this.opts.teamKeys) throw new SyncRefusedError('The team passphrase is needed to read this workspace');
          const opened = await openDoc(this.opts.teamKeys, p.table, doc._id, data, doc.enc);
          data = opened.data;
          conflicts = opened.conflicts;
        }
      } catch (e) {
        if (e instanceof SyncRefusedError) throw e;
        console.warn('Cardfile sync: a record could not be decrypted and was skipped', doc._id);
        continue;
      }
      const parsed = wireSchemas[p.table].safeParse(data);
      const cs = z.array(conflictSchema).max(200).safeParse(conflicts);
      if (!parsed.success || parsed.data.id !== p.id) {
        console.warn('Cardfile sync: a record of the wrong shape was skipped', doc._id);
        continue;
      }
      out.push({ doc, table: p.table, id: p.id, data: syncedData(p.table, parsed.data as Record<string, unknown>), conflicts: cs.success ? cs.data as FieldConflict[] : [] });
    }
    return out;
  }

  /**
   * Apply server documents in one transaction marked remote (nothing re-enters the outbox), with
   * the checkpoint when given. Returns how many were merged with unsent local edits.
   */
  async applyDocs(raw: SyncDoc[], o: { first: boolean; checkpoint?: string }): Promise<number> {
    const { db } = this.ctx;
    const withConflicts = raw.filter((d) => d._conflicts?.length);
    const docs = await this.decode(raw);
    const settings = await this.ctx.settings();
    const me = this.opts.member;
    let merged = 0;
    const touched = new Set<string>();
    await db.transaction('rw', [db.customers, db.interactions, db.followUps, db.syncBase, db.outbox, db.syncConflicts, db.syncMeta, db.audit], async () => {
      markRemote(Dexie.currentTransaction);
      const keys = docs.map((d) => d.doc._id);
      const [bases, rows, conflictRows] = await Promise.all([db.syncBase.bulkGet(keys), db.outbox.bulkGet(keys), db.syncConflicts.bulkGet(keys)]);
      const locals = new Map<string, Record<string, unknown> | undefined>();
      for (const t of TABLES) {
        const ids = docs.filter((d) => d.table === t).map((d) => d.id);
        if (!ids.length) continue;
        const got = await db.table(t).bulkGet(ids);
        ids.forEach((id, i) => locals.set(docIdOf(t, id), got[i] as Record<string, unknown> | undefined));
      }
      const puts: Record<SyncedTable, Record<string, unknown>[]> = { customers: [], interactions: [], followUps: [] };
      const dels: Record<SyncedTable, string[]> = { customers: [], interactions: [], followUps: [] };
      const basePuts: SyncBase[] = [];
      const baseDels: string[] = [];
      const outboxDels: string[] = [];
      const conflictPuts: SyncConflictRow[] = [];
      const conflictDels: string[] = [];
      const audits: { id: string; at: number; who: string; entity: 'customer' | 'interaction' | 'followUp'; entityId: string; action: 'create' | 'update' | 'delete'; fields: string[] }[] = [];
      const now = this.ctx.now();
      docs.forEach((d, i) => {
        const key = d.doc._id;
        const base = bases[i];
        const row = rows[i];
        if (d.doc._rev && base?.rev === d.doc._rev) return; // our own revision coming back, or one we already have
        const local = locals.get(key);
        const pending = !!row && !row.refused && !!local;
        if (d.doc._deleted) {
          // Removed on the server. Unsent local edits win (the next push recreates it); otherwise it goes here too.
          if (pending) { baseDels.push(key); return; }
          if (local) dels[d.table].push(d.id);
          baseDels.push(key);
          if (row) outboxDels.push(key);
          conflictDels.push(key);
          return;
        }
        const remoteData = d.data!;
        let data = remoteData;
        let conflicts = d.conflicts;
        if (pending) {
          const localConflicts = conflictRows[i]?.items ?? [];
          const m = threeWay(base ? { h: base.h, c: base.c } : undefined,
            { data: syncedData(d.table, local), author: me, conflicts: localConflicts },
            { data: remoteData, author: d.doc.author, conflicts: d.conflicts });
          data = m.data;
          conflicts = m.conflicts;
          merged++;
          if (sameData(data, remoteData) && stableJson(conflicts.map(conflictHash).sort()) === stableJson(d.conflicts.map(conflictHash).sort())) outboxDels.push(key);
        } else if (row?.refused) {
          // A refused edit is superseded by the server's version.
          outboxDels.push(key);
        }
        const rev = ((local?.rev as number | undefined) ?? 0) + 1;
        const rec: Record<string, unknown> = { ...(local ?? {}), ...data, rev };
        for (const k of Object.keys(rec)) if (k in wireSchemas[d.table].shape && !(k in data) && k !== 'rev') delete rec[k];
        if (d.table === 'customers') {
          // The search index catches up by updatedAt: a card received now counts as changed now here.
          rec.updatedAt = Math.max(Number(data.updatedAt) || 0, now);
          Object.assign(rec, lookupKeys(rec as never));
          touched.add(d.id);
        } else if (d.table === 'interactions') {
          touched.add(String(data.customerId));
          if (local && local.customerId !== data.customerId) touched.add(String(local.customerId));
        }
        puts[d.table].push(rec);
        basePuts.push({ key, rev: d.doc._rev!, h: baseHashes(remoteData), c: d.conflicts.map(conflictHash) });
        if (conflicts.length) conflictPuts.push({ key, table: d.table, id: d.id, customerId: d.table === 'customers' ? d.id : ((data.customerId as string | null) ?? null), items: conflicts });
        else if (conflictRows[i]) conflictDels.push(key);
        if (!o.first) {
          const fields = local ? changedFields(syncedData(d.table, local), data, ['updatedAt', 'createdAt']) : [];
          const action = local && local.deletedAt == null && data.deletedAt != null ? 'delete' : local ? 'update' : 'create';
          if (!local || fields.length) audits.push({ id: newId(), at: now, who: String(d.doc.author).slice(0, 100), entity: TYPE_OF[d.table], entityId: d.id, action, fields });
        }
      });
      // Follow-ups: the unique rule key. A generated one made here before this device learnt of the
      // server's (same rule, another id from an older Cardfile) gives way to the server's.
      if (puts.followUps.length) {
        const clash = await db.followUps.where('ruleKey').anyOf(puts.followUps.map((f) => f.ruleKey as string)).toArray();
        const incoming = new Map(puts.followUps.map((f) => [f.ruleKey as string, f.id as string]));
        const losers = clash.filter((f) => incoming.get(f.ruleKey) !== f.id).map((f) => f.id);
        if (losers.length) {
          await db.followUps.bulkDelete(losers);
          outboxDels.push(...losers.map((id) => docIdOf('followUps', id)));
        }
      }
      if (puts.interactions.length) await db.interactions.bulkPut(puts.interactions as Interaction[]);
      if (puts.followUps.length) await db.followUps.bulkPut(puts.followUps as never[]);
      for (const t of TABLES) if (dels[t].length) await db.table(t).bulkDelete(dels[t]);
      // Derived fields are recomputed here, never received: the customers of this page, and those whose interactions came.
      const customerPuts = new Map(puts.customers.map((c) => [c.id as string, c]));
      const others = [...touched].filter((id) => !customerPuts.has(id));
      const stored = others.length ? await db.customers.bulkGet(others) : [];
      stored.forEach((c) => { if (c) customerPuts.set(c.id, { ...c, __existing: true }); });
      const ids = [...customerPuts.keys()];
      const histories = await Promise.all(ids.map((id) => db.interactions.where('[customerId+occurredAt]').between([id, -Infinity], [id, Infinity]).toArray()));
      const customers: Customer[] = [];
      ids.forEach((id, k) => {
        const c = customerPuts.get(id)! as Record<string, unknown>;
        const existing = !!c.__existing;
        delete c.__existing;
        const derived = deriveCustomer(c as never, histories[k]!, settings, now);
        const next = { ...c, ...derived } as Customer;
        if (!existing || stableJson(derived) !== stableJson(Object.fromEntries(Object.keys(derived).map((f) => [f, c[f]])))) customers.push(next);
      });
      if (customers.length) await db.customers.bulkPut(customers);
      if (basePuts.length) await db.syncBase.bulkPut(basePuts);
      if (baseDels.length) await db.syncBase.bulkDelete(baseDels);
      if (outboxDels.length) await db.outbox.bulkDelete(outboxDels);
      if (conflictPuts.length) await db.syncConflicts.bulkPut(conflictPuts);
      if (conflictDels.length) await db.syncConflicts.bulkDelete(conflictDels);
      if (audits.length) await db.audit.bulkAdd(audits);
      if (o.checkpoint !== undefined) await db.syncMeta.put({ key: 'checkpoint', value: o.checkpoint });
    });
    if (withConflicts.length) await this.resolveServerConflicts(withConflicts.map((d) => d._id));
    if (!o.first && touched.size) await this.replan([...touched]);
    return merged;
  }

  /** Follow-ups of customers changed by the server, planned here like after a local write. */
  private async replan(ids: string[]) {
    try {
      const { regenerateFollowUps } = await import('../db/plan');
      for (const id of ids) await regenerateFollowUps(this.ctx, id);
    } catch (e) {
      console.warn('Cardfile sync: follow-up planning after a pull failed; the daily pass will retry', e);
    }
  }

  /**
   * Server-side conflicts (two revisions of one document that CouchDB kept side by side, e.g. from
   * a cluster or another replicator): merge every leaf into the winner, write it, delete the losers.
   */
  async resolveServerConflicts(ids: string[]): Promise<number> {
    let fixed = 0;
    for (const id of ids) {
      const winner = await this.couch.request<SyncDoc>('GET', `${this.path}/${encodeURIComponent(id)}?conflicts=true`);
      const losers = winner._conflicts ?? [];
      if (!losers.length) continue;
      const leaves = await Promise.all(losers.map((rev) => this.couch.request<SyncDoc>('GET', `${this.path}/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`)));
      const [w, ...ls] = await this.decode([winner, ...leaves]);
      if (!w?.data) continue;
      const base = await this.ctx.db.syncBase.get(id);
      let acc = { data: w.data, conflicts: w.conflicts };
      let author = w.doc.author;
      for (const l of ls) {
        if (!l.data) continue;
        const m = threeWay(base ? { h: base.h, c: base.c } : undefined, { data: acc.data, author, conflicts: acc.conflicts }, { data: l.data, author: l.doc.author, conflicts: l.conflicts });
        acc = m;
        author = author > l.doc.author ? author : l.doc.author;
      }
      const doc = await this.toDoc(w.table, id, acc.data, acc.conflicts, winner._rev);
      const kill = losers.map((rev) => ({ _id: id, _rev: rev, _deleted: true, type: w.doc.type, author: this.opts.member, data: {} }));
      const res = await this.couch.request<{ ok?: boolean; rev?: string; error?: string }[]>('POST', `${this.path}/_bulk_docs`, { docs: [doc, ...kill] });
      if (!res[0]?.ok) continue;
      fixed++;
      await this.applyDocs([{ ...doc, _rev: res[0].rev!, ...(this.opts.encrypted ? {} : { data: acc.data, conflicts: acc.conflicts }) }], { first: false });
    }
    return fixed;
  }

  // ---------------------------------------------------------------- first sync

  /** Put every local record in the outbox (joining or creating a team with cards already here). */
  async enqueueAll(): Promise<number> {
    const { db } = this.ctx;
    let n = 0;
    // Interactions first: a member's first pull then has a card's history when the card arrives.
    for (const t of ['interactions', 'followUps', 'customers'] as const) {
      const ids = (await db.table(t).toCollection().primaryKeys()) as string[];
      for (let i = 0; i < ids.length; i += 5000) {
        const part = ids.slice(i, i + 5000);
        const base = Date.now() * 1000 + n;
        await db.outbox.bulkPut(part.map((id, k) => ({ key: docIdOf(t, id), seq: base + k })));
        n += part.length;
      }
    }
    return n;
  }

  /** One round: pull, then push what is waiting. */
  async round(opts: { onProgress?: (phase: 'pull' | 'push', p: Progress) => void } = {}): Promise<{ pull: PullResult; push: PushResult }> {
    const pull = await this.pull({ onProgress: (p) => opts.onProgress?.('pull', p) });
    const push = await this.push((p) => opts.onProgress?.('push', p));
    return { pull, push };
  }
}

export { CouchError };
