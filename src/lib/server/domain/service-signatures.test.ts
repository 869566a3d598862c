/**
 * Every exported function of a `*.service.ts` takes the actor and authorizes
 * (`(db, actor, input)`), or says on the line above why it has none
 * (`// no actor: ...`: start-up, authentication, reference data, or an
 * internal read whose callers have authorized). Helpers that only other
 * domain code calls live in non-service modules of their context.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));

function servicesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return servicesUnder(path);
		return name.endsWith('.service.ts') ? [path] : [];
	});
}

const EXPORTED_FUNCTION = /^export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^(]*>)?\s*\(([^)]*)\)|^export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(([^)]*)\)\s*(?::[^=]*)?=>/gm;

/** Exported functions of a service file: name, parameters, the line above. */
export function exportedFunctions(source: string): { name: string; params: string; above: string }[] {
	const lines = source.split('\n');
	return [...source.matchAll(EXPORTED_FUNCTION)].map((m) => {
		const line = source.slice(0, m.index).split('\n').length - 1;
		return { name: m[1] ?? m[3], params: m[2] ?? m[4], above: lines[line - 1] ?? '' };
	});
}

describe('service signatures', () => {
	it('reads exported functions and their parameters', () => {
		const found = exportedFunctions("/** x */\nexport async function a(db: Db, actor: Actor) {}\n// no actor: start-up\nexport function b(db: Db) {}\nexport const c = async (db: Db, id: string): Promise<void> => {};\n");
		expect(found.map((f) => [f.name, /\bactor\b/.test(f.params), f.above.startsWith('// no actor:')])).toEqual([
			['a', true, false],
			['b', false, true],
			['c', false, false]
		]);
	});

	it('every exported service function takes the actor, or says why not', () => {
		const missing = servicesUnder(ROOT).flatMap((file) =>
			exportedFunctions(readFileSync(file, 'utf8'))
				.filter((f) => !/\bactor\b/.test(f.params) && !/^\s*\/\/ no actor: \S/.test(f.above))
				.map((f) => `${relative(ROOT, file)}: ${f.name}`)
		);
		expect(missing).toEqual([]);
	});
});
