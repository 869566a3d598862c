/**
 * Issue 20: "no route file decides access". Who is on the supplier's side and
 * who is an admin is decided in the domain (actor.ts, policy.ts) and handed to
 * pages by the root layout's server load (`isSupplier`, `isAdmin`) or a page's
 * own load (`may`, `canDo`); no file under src/routes reads an access level
 * itself. This scan fails when one does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = join(import.meta.dirname);

/** Ways a file reads an access level: its literal values, or taking the access string apart. */
const ACCESS_PARSING: { name: string; pattern: RegExp }[] = [
	{ name: 'an access level literal', pattern: /['"`](supplier_admin|supplier_staff|customer_admin|customer_member)['"`]/ },
	{ name: 'access taken apart', pattern: /\baccess\??\.\s*(startsWith|endsWith|includes|split|slice|indexOf|match)\s*\(/ },
	{ name: 'a party prefix test', pattern: /\.startsWith\(\s*['"`](supplier|customer)_?['"`]/ },
	// refusing is the domain's: a route calls a service, which authorizes (asking `can` for a page's flags is fine)
	{ name: 'a route authorizing itself', pattern: /\bauthorize(In)?\(/ }
];

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return routeFiles(path);
		return /\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
	});
}

function findings(source: string): string[] {
	return source
		.split('\n')
		.flatMap((line, i) => ACCESS_PARSING.filter((p) => p.pattern.test(line)).map((p) => `line ${i + 1}: ${p.name}: ${line.trim()}`));
}

describe('route files decide no access', () => {
	it('the scan recognises the ways pages used to parse access strings', () => {
		// the lines this issue removed from +layout.svelte and customers/[id]/+page.svelte
		expect(findings(`const isSupplier = $derived(data.actor?.access === 'supplier_admin' || data.actor?.access === 'supplier_staff');`)).toHaveLength(1);
		expect(findings(`const isAdmin = data.actor.access.startsWith('supplier');`)).toHaveLength(2);
		expect(findings(`if (role === "customer_admin") show = true;`)).toHaveLength(1);
		// what /admin did until session 8
		expect(findings(`authorize(actor, 'catalogue.manage');`)).toHaveLength(1);
		// a document's access ('read' | 'write') is not an access level
		expect(findings(`help={data.handbook.access === 'write' ? a : b}`)).toEqual([]);
	});

	it('no file under src/routes reads an access level', () => {
		const files = routeFiles(ROUTES);
		expect(files.length).toBeGreaterThan(50);
		const offenders = files.flatMap((f) => findings(readFileSync(f, 'utf8')).map((x) => `${relative(ROUTES, f)} ${x}`));
		expect(offenders).toEqual([]);
	});
});
