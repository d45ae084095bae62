// The user's writes to cards. Each is one named function over the repositories (lib/db), which
// validate, bump `rev`, audit and re-plan; composite ones run in one transaction (./run).
import type { RepoContext } from '../db/context';
import { createCustomer, restoreCustomer, softDeleteCustomer, updateCustomer } from '../db/customers';
import type { Customer, CustomerInput } from '../domain/customer';
import { bulkChange, type BulkChange } from '../workspace/bulk';

export type { BulkChange };

/** Create a card. Throws ValidationError (nothing written) on bad input. */
export function createCard(ctx: RepoContext, input: CustomerInput): Promise<Customer> {
  return createCustomer(ctx, input);
}

/**
 * Change some fields of a card. With `baseRev` (the `rev` the screen showed), throws
 * ConflictError, writing nothing, when the card changed elsewhere since.
 */
export function editCard(ctx: RepoContext, id: string, patch: Partial<CustomerInput>, baseRev?: number): Promise<Customer> {
  return updateCustomer(ctx, id, patch, baseRev);
}

/** Move a card to the Trash (restorable). */
export function deleteCard(ctx: RepoContext, id: string): Promise<Customer> {
  return softDeleteCustomer(ctx, id);
}

/** Bring a card back from the Trash. */
export function restoreCard(ctx: RepoContext, id: string): Promise<Customer> {
  return restoreCustomer(ctx, id);
}

/** Change many cards at once (stage, owner, tags, trash, restore) in one transaction; returns how many changed. */
export function bulkEdit(ctx: RepoContext, ids: string[], change: BulkChange): Promise<number> {
  return bulkChange(ctx, ids, change);
}
