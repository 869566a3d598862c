import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorStatuses, HTTP_METHODS, OPERATIONS, openApiDocument, openApiPath, pathParams, type RouteDescription } from './openapi';

const ROOT = resolve(import.meta.dirname, '../../../..');
const API_DIR = join(ROOT, 'src/routes/api/v1');

/** The catch-all answers 404 for what no route serves; it is no endpoint of its own. */
const NOT_AN_ENDPOINT = new Set(['[...rest]']);

/** The files named `name` under src/routes/api/v1, relative to it, endpoints only. */
function apiFiles(name: string): string[] {
	return readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
		.filter((f) => f === name || f.endsWith(sep + name))
		.filter((f) => !f.split(sep).some((d) => NOT_AN_ENDPOINT.has(d)))
		.sort();
}

/** The methods a route file exports. */
async function exportedMethods(file: string): Promise<string[]> {
	const mod = (await import(/* @vite-ignore */ join(API_DIR, file))) as Record<string, unknown>;
	return HTTP_METHODS.filter((m) => typeof mod[m] === 'function');
}

/** `METHOD /api/v1/x/{id}` for every method exported by every route file under src/routes/api/v1. */
async function routeOperations(): Promise<string[]> {
	const ops: string[] = [];
	for (const file of apiFiles('+server.ts')) {
		const path = openApiPath(['/api/v1', ...dirname(file).split(sep)].join('/'));
		for (const m of await exportedMethods(file)) ops.push(`${m} ${path}`);
	}
	return ops.sort();
}

type Doc = {
	openapi: string;
	paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[]; requestBody?: unknown; responses: Record<string, unknown>; security?: unknown[] }>>;
	components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
};

describe('OpenAPI document', () => {
	const doc = openApiDocument() as unknown as Doc;

	it('describes exactly the routes under src/routes/api/v1 (no drift either way)', async () => {
		const routes = await routeOperations();
		const documented = Object.entries(doc.paths)
			.flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
			.sort();
		expect(routes.length).toBeGreaterThan(20);
		expect(documented).toEqual(routes);
		// it imports every API route module: seconds of work when the suite loads both cores
	}, 30_000);

	it('has a description next to every route file, for exactly the methods it exports', async () => {
		const routes = apiFiles('+server.ts');
		for (const file of routes) {
			const sibling = join(API_DIR, dirname(file), 'openapi.ts');
			expect(existsSync(sibling), `${file} has an openapi.ts next to it`).toBe(true);
			const { openapi } = (await import(/* @vite-ignore */ sibling)) as { openapi: RouteDescription };
			expect(Object.keys(openapi).sort(), `methods described in ${relative(ROOT, sibling)}`).toEqual((await exportedMethods(file)).sort());
		}
		// and nothing is described where no route file is
		const described = apiFiles('openapi.ts').map((f) => dirname(f)).sort();
		expect(described).toEqual(routes.map((f) => dirname(f)).sort());
	}, 30_000);

	it('takes each path from the directory of its route', () => {
		expect(openApiPath('/api/v1/customers/[id]/roles/[assignmentId]')).toBe('/api/v1/customers/{id}/roles/{assignmentId}');
		expect(openApiPath('/api/v1/(portal)/reports/sla.csv')).toBe('/api/v1/reports/sla.csv');
	});

	it('is OpenAPI 3.1 with unique operation ids', () => {
		expect(doc.openapi).toBe('3.1.0');
		const ids = OPERATIONS.map((o) => o.operationId);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('declares every path parameter, and nothing else in the path', () => {
		for (const [path, ops] of Object.entries(doc.paths)) {
			const inPath = pathParams(path).map((p) => p.name).sort();
			for (const [method, op] of Object.entries(ops)) {
				const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
				expect(declared, `${method} ${path}`).toEqual(inPath);
			}
		}
	});

	it('has a JSON body schema for every write that takes input, and error responses', () => {
		for (const op of OPERATIONS) {
			const described = doc.paths[op.path][op.method];
			expect(Object.keys(described.responses)).toContain(String(op.success.status));
			for (const s of errorStatuses(op)) expect(Object.keys(described.responses)).toContain(String(s));
			if (op.auth === false) expect(described.security).toEqual([]);
			else expect(Object.keys(described.responses)).toContain('401');
			if (op.method === 'post' || op.method === 'put' || op.method === 'patch') {
				expect(described.requestBody, `${op.method} ${op.path}`).toBeDefined();
			}
		}
	});

	it('resolves every $ref', () => {
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
		expect(refs.length).toBeGreaterThan(30);
		for (const ref of new Set(refs)) {
			const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(ref) ?? [];
			expect(section, ref).toBeDefined();
			expect(doc.components[section as 'schemas' | 'responses'][name], ref).toBeDefined();
		}
	});

	it('takes request bodies from the domain schemas (required fields and enums come through)', () => {
		const schemas = doc.components.schemas as Record<string, { required?: string[]; properties: Record<string, { enum?: string[] }> }>;
		expect(schemas.MeetingInput.required).toEqual(['startsAt', 'endsAt']);
		expect(schemas.PersonInput.properties.access.enum).toEqual(['supplier_admin', 'supplier_staff', 'customer_admin', 'customer_member']);
		expect(schemas.DutyAssignmentInput.properties).not.toHaveProperty('duty');
		expect(schemas.DutyAssignmentInput.required).toEqual(['party']);
		expect(schemas.PersonUpdate.required ?? []).toEqual([]);
	});

	it('takes query parameters from the schemas the services parse the query with (required, defaults and bounds come through)', () => {
		const query = (path: string) => Object.fromEntries((doc.paths[path].get.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
		const drill = query('/api/v1/customers/{id}/reports/sla/tickets');
		expect(Object.keys(drill)).toEqual(['period', 'metric', 'outcome', 'priority', 'limit', 'offset']);
		expect([drill.metric.required, drill.outcome.required, drill.priority.required]).toEqual([true, true, false]);
		expect(drill.limit.schema).toMatchObject({ type: 'integer', default: 500, maximum: 5000 });
		expect(Object.keys(query('/api/v1/customers/{id}/reports/sla/tickets.csv'))).toEqual(['period', 'metric', 'outcome', 'priority', 'lang']);
		expect(query('/api/v1/customers/{id}/tickets').offset.schema).toMatchObject({ default: 0, maximum: 10_000_000 });
		expect(query('/api/v1/customers/{id}/sla').from.schema).toMatchObject({ type: 'string', maxLength: 40 });
		expect(query('/api/v1/forums/{id}/actions').status.schema).toMatchObject({ default: 'all' });
	});

	it('documents every query parameter a handler reads itself', () => {
		const reads = /(?:searchParams|\bq)\.get\('(\w+)'\)|queryFlag\([^,]+,\s*'(\w+)'\)/g;
		let checked = 0;
		for (const file of apiFiles('+server.ts')) {
			const source = readFileSync(join(API_DIR, file), 'utf8');
			const read = new Set([...source.matchAll(reads)].map((m) => m[1] ?? m[2]));
			// ?lang= of the exports (export-locale.ts)
			if (source.includes('exportLocale(')) read.add('lang');
			const path = openApiPath(['/api/v1', ...dirname(file).split(sep)].join('/'));
			const documented = new Set(Object.values(doc.paths[path]).flatMap((op) => (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)));
			for (const name of read) expect(documented, `${file} reads ?${name}`).toContain(name);
			checked += read.size;
		}
		expect(checked).toBeGreaterThan(10);
	});
});
