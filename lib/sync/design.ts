/**
 * The server side of a team workspace, as data Cardfile installs: the database's `_security`
 * (who may read: members; who may manage: admins) with the editor list beside it, and a design
 * document whose `validate_doc_update` CouchDB runs on every write, including replicated ones:
 * viewers are refused, the author must be the signed-in user, record shapes are checked, and in an
 * end-to-end encrypted workspace contact fields must arrive sealed.
 */
export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

export interface Member { name: string; role: Role }

/** What Cardfile keeps in `_security` besides CouchDB's own admins / members. */
export interface CardfileSecurity {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
  cardfile: { editors: string[]; encrypted: boolean; version: 1 };
}

export function securityFor(members: readonly Member[], encrypted: boolean): CardfileSecurity {
  const names = (role: Role) => members.filter((m) => m.role === role).map((m) => m.name).sort();
  return {
    admins: { names: names('admin'), roles: [] },
    // Every member reads; admins are members too, so a workspace admin is an ordinary user on the server.
    members: { names: [...new Set(members.map((m) => m.name))].sort(), roles: [] },
    cardfile: { editors: names('editor'), encrypted, version: 1 },
  };
}

/** Members and roles read back from a `_security` object. */
export function membersOf(sec: Partial<CardfileSecurity>): Member[] {
  const admins = new Set(sec.admins?.names ?? []);
  const editors = new Set(sec.cardfile?.editors ?? []);
  return (sec.members?.names ?? []).map((name) => ({ name, role: admins.has(name) ? 'admin' : editors.has(name) ? 'editor' : 'viewer' } as Member))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const DESIGN_ID = '_design/cardfile';
export const DESIGN_VERSION = 1;

/*
 * Runs inside CouchDB (QuickJS or SpiderMonkey): plain ES5, no closures over this module.
 * Limits mirror lib/domain's schemas loosely: the server refuses what no Cardfile would send; the
 * extension validates fully with zod on the way in.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  function refuse(why) { throw({ forbidden: why }); }
  function has(list, x) { return !!list && list.indexOf(x) >= 0; }
  var roles = userCtx.roles || [];
  var serverAdmin = has(roles, '_admin');
  var sec = secObj || {};
  var cf = sec.cardfile || {};
  var admin = serverAdmin || has((sec.admins || {}).names, userCtx.name);
  var editor = admin || has(cf.editors, userCtx.name);
  if (!editor) refuse('viewer: this workspace is read-only for you');
  if (newDoc.author !== userCtx.name) refuse('author must be the signed-in user');
  var id = newDoc._id;
  var colon = id.indexOf(':');
  var type = colon > 0 ? id.slice(0, colon) : '';
  if (type === 'meta') { if (!admin) refuse('only a workspace admin changes its settings'); return; }
  if (type !== 'customer' && type !== 'interaction' && type !== 'followUp') refuse('unknown record type');
  if (oldDoc && oldDoc.type && oldDoc.type !== type) refuse('type cannot change');
  if (newDoc._deleted) return;
  if (newDoc.type !== type) refuse('type must match the id');
  var d = newDoc.data;
  if (!d || typeof d !== 'object') refuse('data missing');
  if (d.id !== id.slice(colon + 1)) refuse('data.id must match the document id');
  function str(k, min, max) { var v = d[k]; if (typeof v !== 'string' || v.length < min || v.length > max) refuse(type + '.' + k + ' must be text of ' + min + '-' + max + ' characters'); }
  function num(k, opt) { var v = d[k]; if (opt && (v === undefined || v === null)) return; if (typeof v !== 'number' || !(v >= 0)) refuse(type + '.' + k + ' must be a number'); }
  function arr(k, max) { var v = d[k]; if (v === undefined) return; if (!Array.isArray(v) || v.length > max) refuse(type + '.' + k + ' must be a list of at most ' + max); }
  num('createdAt'); num('updatedAt');
  if (d.deletedAt !== null && typeof d.deletedAt !== 'number') refuse(type + '.deletedAt must be null or a time');
  if (newDoc.conflicts !== undefined && (!Array.isArray(newDoc.conflicts) || newDoc.conflicts.length > 200)) refuse('conflicts must be a short list');
  if (type === 'customer') {
    str('name', 1, 200);
    arr('emails', 50); arr('phones', 50); arr('addresses', 20); arr('websites', 20); arr('social', 30); arr('tags', 100); arr('interests', 50);
    if (typeof d.notes === 'string' && d.notes.length > 100000) refuse('customer.notes too long');
    if (d.owner !== undefined && (typeof d.owner !== 'string' || d.owner.length > 100)) refuse('customer.owner must be a member name');
    num('annualValue', true);
    if (cf.encrypted) {
      if (!newDoc.enc || typeof newDoc.enc.ct !== 'string') refuse('this workspace is end-to-end encrypted: contact fields must be sealed');
      if ((d.emails && d.emails.length) || (d.phones && d.phones.length) || (d.addresses && d.addresses.length) || (d.social && d.social.length) || d.notes) refuse('this workspace is end-to-end encrypted: no contact field in clear');
    }
  } else if (type === 'interaction') {
    str('customerId', 1, 200); str('type', 1, 40); num('occurredAt');
    if (typeof d.content === 'string' && d.content.length > 200000) refuse('interaction.content too long');
    num('amount', true);
    if (cf.encrypted) {
      if (!newDoc.enc || typeof newDoc.enc.ct !== 'string') refuse('this workspace is end-to-end encrypted: interaction text must be sealed');
      if (d.content || d.subject || d.result || d.place) refuse('this workspace is end-to-end encrypted: no interaction text in clear');
    }
  } else {
    str('ruleKey', 1, 300); str('reason', 1, 40); str('status', 1, 20); num('dueAt');
    if (d.customerId !== null && typeof d.customerId !== 'string') refuse('followUp.customerId must be an id or null');
  }
}`;

export function designDoc(): { _id: string; language: string; validate_doc_update: string; cardfile: { version: number } } {
  return { _id: DESIGN_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE, cardfile: { version: DESIGN_VERSION } };
}
