/**
 * The browser's offline copies of shared documents (IndexedDB, via
 * y-indexeddb in doc-session.ts). Kept apart from the session code so that
 * the layout can remove them at logout without loading the Yjs stack.
 */

/** Prefix of the IndexedDB databases we create, so that logout can remove them all. */
export const LOCAL_DB_PREFIX = 'samverkan:';

/** Removes every local copy (on logout: a shared computer must not keep a customer's minutes). */
export async function clearLocalCopies(): Promise<void> {
	if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
	const dbs = await indexedDB.databases();
	await Promise.all(
		dbs
			.filter((d) => d.name?.startsWith(LOCAL_DB_PREFIX))
			.map(
				(d) =>
					new Promise<void>((resolve) => {
						const req = indexedDB.deleteDatabase(d.name!);
						req.onsuccess = req.onerror = req.onblocked = () => resolve();
					})
			)
	);
}
