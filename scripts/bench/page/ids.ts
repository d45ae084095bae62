/** The smallest UUIDv7 of millisecond `t`: every id made at or after `t` sorts above it (used to undo bench writes). */
export function idFloor(t: number): string {
  const h = t.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-0000-0000-000000000000`;
}
