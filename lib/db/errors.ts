import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field ("emails.1.value"), '' for the whole record. */
  path: string;
  message: string;
}

/** A record failed validation: nothing was written. Carries which fields are wrong, for the form. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ValidationError';
    this.issues = issues;
  }
  static fromZod(error: z.ZodError): ValidationError {
    return new ValidationError(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
}

export class NotFoundError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/**
 * Someone else changed the record since it was read (optimistic concurrency on `rev`): nothing was
 * written. `current` is the record as stored now, for a conflict view to compare with.
 */
export class ConflictError<T = unknown> extends Error {
  readonly entity: string;
  readonly id: string;
  readonly expectedRev?: number;
  readonly current?: T;
  constructor(entity: string, id: string, detail: { expectedRev?: number; current?: T } = {}) {
    super(`${entity} ${id} was changed elsewhere; reload and try again`);
    this.name = 'ConflictError';
    this.entity = entity;
    this.id = id;
    this.expectedRev = detail.expectedRev;
    this.current = detail.current;
  }
}

/** Parse with zod or throw a ValidationError naming the fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw ValidationError.fromZod(r.error);
  return r.data;
}
