/**
 * CommonJS packages loaded when first used instead of when the server starts.
 * One instance on its SQLite file never needs PostgreSQL's or Redis's client,
 * nor a mail transport before its first mail; loaded at start they cost ~20
 * MiB of the idle server's memory (bench/README.md, "Idle memory").
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** A function that loads `name` on its first call and returns the same module after. */
export function onFirstUse<T>(name: string): () => T {
	let loaded: T | undefined;
	return () => (loaded ??= requireHere(name) as T);
}
