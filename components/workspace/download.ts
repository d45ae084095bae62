/** Save a Blob as a file through a temporary link (extension pages may download without a permission). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "cardfile-2026-11-22" */
export function stamp(prefix: string, now = Date.now()): string {
  return `${prefix}-${new Date(now).toISOString().slice(0, 10)}`;
}
