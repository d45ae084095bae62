// The database context a surface passes to actions and queries. Components and entrypoints get it
// here, never from lib/db directly (docs/ARCHITECTURE.md: they do not touch tables).
export { getRepo } from '../db/instance';
export type { RepoContext } from '../db/context';
export { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../db/errors';
