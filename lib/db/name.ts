/** The IndexedDB name of the one Cardfile database (its own module: read without loading Dexie). */
export const DB_NAME = 'cardfile';
