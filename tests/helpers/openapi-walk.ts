/**
 * Walks of the whole API driven by its OpenAPI document (abuse-sql,
 * abuse-bodies): the operations it lists, and URLs for them filled with real
 * demo ids, so that what a walk sends meets real data everywhere else.
 */
import type { ApiClient } from './api-client';
import { NORRBY, type DemoIds } from './demo-ids';

export interface WalkOperation {
	method: string;
	path: string;
	operationId: string;
	parameters: { name: string; in: 'path' | 'query' }[];
	/** the name of the JSON body's schema in components.schemas */
	bodyRef: string | null;
	/** a body that is not JSON (a file upload) */
	raw: boolean;
}

export type BodySchemas = Record<string, { type?: unknown; properties?: Record<string, any>; required?: string[] }>;

/** Every operation of the served document, and its body schemas. */
export async function walkOperations(client: ApiClient): Promise<{ operations: WalkOperation[]; schemas: BodySchemas }> {
	const { body } = await client.json('GET', '/api/v1/openapi.json');
	const operations: WalkOperation[] = [];
	for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, Record<string, any>>>)) {
		for (const [method, op] of Object.entries(methods)) {
			const ref = op.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
			operations.push({
				method: method.toUpperCase(),
				path,
				operationId: op.operationId,
				parameters: op.parameters ?? [],
				bodyRef: ref ? ref.split('/').pop()! : null,
				raw: Boolean(op.requestBody && !ref)
			});
		}
	}
	return { operations, schemas: body.components.schemas };
}

/** Real ids of Norrby kommun by path segment ("forums/{id}"). */
export function realIds(ids: DemoIds): Record<string, string> {
	const norrby = ids.customers[NORRBY];
	const forum = norrby.forums.operational;
	const member = norrby.people.find((p) => p.access === 'customer_member')!;
	return {
		'customers/{id}': norrby.id,
		'forums/{id}': forum.id,
		'meetings/{id}': norrby.meetings[forum.id][0],
		'people/{id}': member.id,
		'roles/{assignmentId}': member.roles[0]?.assignmentId ?? crypto.randomUUID(),
		'members/{personId}': forum.members.find((m) => m.party === 'customer')!.personId,
		'roles/{id}': ids.role('customer', 'ceo'),
		'duties/{duty}': 'chair'
	};
}

const QUERY_VALUES: Record<string, string> = { from: '2026-01-01', to: '2027-01-01', limit: '10', offset: '0', customerId: '' };

/** The operation's URL with real ids (any well-formed id for a parameter not known yet); `inject` puts one value in one parameter. */
export function walkUrl(op: WalkOperation, real: Record<string, string>, inject?: { name: string; value: string }): string {
	const segments = op.path.split('/');
	const path = segments
		.map((s, i) => {
			const m = /^\{(\w+)\}$/.exec(s);
			if (!m) return s;
			if (inject?.name === m[1]) return encodeURIComponent(inject.value);
			return real[`${segments[i - 1]}/${s}`] ?? crypto.randomUUID();
		})
		.join('/');
	const params = new URLSearchParams();
	for (const q of op.parameters.filter((p) => p.in === 'query')) {
		if (inject?.name === q.name) params.set(q.name, inject.value);
		else if (QUERY_VALUES[q.name]) params.set(q.name, QUERY_VALUES[q.name]);
	}
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}
