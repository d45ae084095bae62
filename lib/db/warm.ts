/**
 * Open the existing database once, with no version and no Dexie, and close it after `holdMs`: the
 * browser reopens its files now (hundreds of milliseconds after an idle spell), while the page's
 * modules still load, so Dexie's own open a moment later finds them open. Never creates a database.
 */
export function warmDatabase(idb: IDBFactory, name: string, holdMs = 5_000): void {
  let req: IDBOpenDBRequest;
  try {
    req = idb.open(name);
  } catch {
    return;
  }
  req.onupgradeneeded = () => req.transaction?.abort();
  req.onsuccess = () => {
    const db = req.result;
    // A page upgrading the schema must not wait on this connection.
    db.onversionchange = () => db.close();
    setTimeout(() => db.close(), holdMs);
  };
  req.onerror = () => undefined;
}
