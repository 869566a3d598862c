/**
 * The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json.
 *
 * Each route describes its own operations in an `openapi.ts` next to its
 * `+server.ts` (`export const openapi: RouteDescription`, keyed by the
 * methods the route exports); the path comes from the directory. This module
 * gathers them and builds the document. Request bodies are the domain's own
 * zod schemas (what the services parse), turned into JSON Schema with
 * `z.toJSONSchema`; responses are described by the zod schemas of
 * openapi-schemas.ts and the area modules (openapi-itsm, -meetings,
 * -lifecycle, -portal), which the integration tests also parse real responses
 * with. A unit test compares the descriptions with the route files, so the
 * two cannot drift apart.
 */
import { z } from 'zod';
import { DUTIES } from '$lib/domain-types';
import { SESSION_COOKIE } from '../domain/tenancy/sessions';
import { AGREEMENT_OUTPUT_SCHEMAS } from './openapi-agreement';
import { IDENTITY_OUTPUT_SCHEMAS } from './openapi-identity';
import { ITSM_OUTPUT_SCHEMAS } from './openapi-itsm';
import { LIFECYCLE_OUTPUT_SCHEMAS } from './openapi-lifecycle';
import { MEETINGS_OUTPUT_SCHEMAS } from './openapi-meetings';
import { NOTIFICATIONS_OUTPUT_SCHEMAS } from './openapi-notifications';
import { PORTAL_OUTPUT_SCHEMAS } from './openapi-portal';
import { CORE_OUTPUT_SCHEMAS, type QueryParameter } from './openapi-schemas';

export { ErrorBody } from './openapi-schemas';

// ---------------------------------------------------------------- operations

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The tags, in the order the document lists them. */
export const TAGS = ['session', 'meta', 'customers', 'people', 'roles', 'forums', 'meetings', 'audit', 'itsm', 'actions', 'decisions', 'lifecycle', 'portal', 'agreement', 'knowledge base', 'search', 'notifications'] as const;

/** One operation of a route, described in the route's own `openapi.ts`. */
export interface OperationDescription {
	operationId: string;
	tag: (typeof TAGS)[number];
	summary: string;
	description?: string;
	/** false: answered without a session */
	auth?: boolean;
	query?: Record<string, QueryParameter>;
	/** the JSON body: `{ SchemaName: schema }`, one entry; the name becomes components.schemas.SchemaName */
	body?: Record<string, z.ZodType>;
	/** a body that is not JSON (a file upload) */
	rawBody?: { contentTypes: string[]; description: string };
	/** success status, with the response body (a wrapper around named schemas) and headers */
	success: {
		status: 200 | 201 | 204;
		description: string;
		schema?: z.ZodType;
		headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
	};
	/** error statuses beyond those implied (401 with auth, 400 with a body, 404 with ids in the path) */
	errors?: number[];
}

/** What a route's `openapi.ts` exports as `openapi`: a description for each method its `+server.ts` exports. */
export type RouteDescription = Partial<Record<HttpMethod, OperationDescription>>;

/** An operation of the document: a route's description with its method and OpenAPI path. */
export interface ApiOperation extends OperationDescription {
	method: Lowercase<HttpMethod>;
	/** OpenAPI path template, e.g. /api/v1/customers/{id} */
	path: string;
}

const ROUTES_DIR = '/src/routes';

/** The OpenAPI path of a route directory: `/api/v1/customers/[id]` → `/api/v1/customers/{id}` (groups dropped). */
export function openApiPath(routeDir: string): string {
	return routeDir
		.split('/')
		.filter((segment) => !/^\(.+\)$/.test(segment))
		.map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}'))
		.join('/');
}

const descriptions = import.meta.glob<RouteDescription>('/src/routes/api/v1/**/openapi.ts', { eager: true, import: 'openapi' });

/** Every operation described next to a route handler, by path and then method. */
export const OPERATIONS: ApiOperation[] = Object.entries(descriptions)
	.map(([file, route]) => ({ path: openApiPath(file.slice(ROUTES_DIR.length, -'/openapi.ts'.length)), route }))
	.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
	.flatMap(({ path, route }) =>
		HTTP_METHODS.flatMap((method) => {
			const op = route[method];
			return op ? [{ ...op, method: method.toLowerCase() as Lowercase<HttpMethod>, path }] : [];
		})
	);

/** The name and schema of an operation's JSON body. */
function bodyOf(op: ApiOperation): { name: string; schema: z.ZodType } | null {
	if (!op.body) return null;
	const entries = Object.entries(op.body);
	if (entries.length !== 1) throw new Error(`openapi: ${op.operationId} names ${entries.length} body schemas, not one`);
	const [name, schema] = entries[0];
	return { name, schema };
}

/** Output schemas: named response schemas; they become components.schemas. */
const OUTPUT_SCHEMAS = {
	...CORE_OUTPUT_SCHEMAS,
	...ITSM_OUTPUT_SCHEMAS,
	...MEETINGS_OUTPUT_SCHEMAS,
	...LIFECYCLE_OUTPUT_SCHEMAS,
	...PORTAL_OUTPUT_SCHEMAS,
	...NOTIFICATIONS_OUTPUT_SCHEMAS,
	...IDENTITY_OUTPUT_SCHEMAS,
	...AGREEMENT_OUTPUT_SCHEMAS
} satisfies Record<string, z.ZodType>;

/** Request bodies by name, from the operations; one name means one schema. */
function inputSchemas(): Record<string, z.ZodType> {
	const byName: Record<string, z.ZodType> = {};
	for (const op of OPERATIONS) {
		const body = bodyOf(op);
		if (!body) continue;
		if (body.name in OUTPUT_SCHEMAS) throw new Error(`openapi: body ${body.name} of ${op.operationId} has the name of a response schema`);
		if (byName[body.name] && byName[body.name] !== body.schema) throw new Error(`openapi: two different body schemas are named ${body.name}`);
		byName[body.name] = body.schema;
	}
	return byName;
}

// ---------------------------------------------------------------- the document

const PATH_PARAMS: Record<string, { description: string; schema: Record<string, unknown> }> = {
	'customers/{id}': { description: 'Customer id', schema: { type: 'string', format: 'uuid' } },
	'forums/{id}': { description: 'Forum id', schema: { type: 'string', format: 'uuid' } },
	'meetings/{id}': { description: 'Meeting id', schema: { type: 'string', format: 'uuid' } },
	'material/{materialId}': { description: 'Decision material id', schema: { type: 'string', format: 'uuid' } },
	'people/{id}': { description: 'Person id', schema: { type: 'string', format: 'uuid' } },
	'outbox/{id}': { description: 'Id of a notification mail in the outbox', schema: { type: 'string', format: 'uuid' } },
	'roles/{id}': { description: 'Catalogue role id', schema: { type: 'string', format: 'uuid' } },
	'roles/{assignmentId}': { description: 'Role assignment id', schema: { type: 'string', format: 'uuid' } },
	'members/{personId}': { description: 'Person id of the member', schema: { type: 'string', format: 'uuid' } },
	'duties/{duty}': { description: 'The duty', schema: { type: 'string', enum: [...DUTIES] } },
	'api-tokens/{tokenId}': { description: 'API token id', schema: { type: 'string', format: 'uuid' } },
	'actions/{actionId}': { description: 'Action item id', schema: { type: 'string' } },
	'articles/{articleId}': { description: 'Knowledge-base article id', schema: { type: 'string', format: 'uuid' } },
	'proposals/{proposalId}': { description: 'Agreement change proposal id', schema: { type: 'string', format: 'uuid' } }
};

/** The path parameters of an OpenAPI path, each with the segment before it ("forums/{id}"). */
export function pathParams(path: string): { name: string; key: string }[] {
	const segments = path.split('/');
	return segments.flatMap((s, i) => (/^\{\w+\}$/.test(s) ? [{ name: s.slice(1, -1), key: `${segments[i - 1]}/${s}` }] : []));
}

const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
	400: { name: 'BadRequest', description: 'Malformed JSON or invalid fields (`fields` names them)' },
	401: { name: 'Unauthenticated', description: 'No valid session, or wrong e-mail or password' },
	403: { name: 'Forbidden', description: 'Signed in, but not allowed to do this' },
	404: { name: 'NotFound', description: "No such resource, or it belongs to another customer" },
	409: { name: 'Conflict', description: 'Clashes with what exists (e.g. a name or e-mail already in use)' },
	413: { name: 'PayloadTooLarge', description: 'The body is over its limit (JSON 1 MiB, a file 64 MiB)' },
	429: { name: 'TooManyRequests', description: 'Too many failed logins; try again later' }
};

/** Error statuses an operation may answer. */
export function errorStatuses(op: ApiOperation): number[] {
	const statuses = new Set(op.errors ?? []);
	if (op.auth !== false) statuses.add(401);
	if (op.body || op.rawBody) statuses.add(400).add(413);
	if (pathParams(op.path).length > 0) statuses.add(404);
	return [...statuses].sort();
}

const componentsOf = (registryEntries: Record<string, z.ZodType>, io: 'input' | 'output') => {
	const registry = z.registry<{ id: string }>();
	for (const [id, schema] of Object.entries(registryEntries)) registry.add(schema, { id });
	const { schemas } = z.toJSONSchema(registry, {
		io,
		unrepresentable: 'any',
		uri: (id) => `#/components/schemas/${id}`
	});
	for (const s of Object.values(schemas) as Record<string, unknown>[]) {
		delete s.$schema;
		delete s.$id;
	}
	return schemas as Record<string, Record<string, unknown>>;
};

/** A response body schema: a reference when it is a named schema, else inline with references inside. */
function responseSchema(schema: z.ZodType, named: Map<z.ZodType, string>): Record<string, unknown> {
	const name = named.get(schema);
	if (name) return { $ref: `#/components/schemas/${name}` };
	const registry = z.registry<{ id: string }>();
	for (const [s, id] of named) registry.add(s, { id });
	const json = z.toJSONSchema(schema, {
		io: 'output',
		unrepresentable: 'any',
		metadata: registry
	}) as Record<string, unknown>;
	delete json.$schema;
	return rewriteDefs(json);
}

/** z.toJSONSchema puts named schemas in `$defs`; point those references at components instead. */
function rewriteDefs(json: Record<string, unknown>): Record<string, unknown> {
	const { $defs, ...rest } = json;
	void $defs;
	return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
}

let cached: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
	if (cached) return cached;
	const outputSchemas = componentsOf(OUTPUT_SCHEMAS, 'output');
	const inputComponents = componentsOf(inputSchemas(), 'input');
	const named = new Map<z.ZodType, string>(Object.entries(OUTPUT_SCHEMAS).map(([k, v]) => [v as z.ZodType, k]));
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of OPERATIONS) {
		const parameters: unknown[] = pathParams(op.path).map(({ name, key }) => {
			const p = PATH_PARAMS[key];
			if (!p) throw new Error(`openapi: describe path parameter ${key} of ${op.path}`);
			return { name, in: 'path', required: true, description: p.description, schema: p.schema };
		});
		for (const [name, q] of Object.entries(op.query ?? {})) {
			const schema = z.toJSONSchema(q.schema, { io: 'input' }) as Record<string, unknown>;
			delete schema.$schema;
			parameters.push({ name, in: 'query', required: q.required ?? false, description: q.description, schema });
		}
		const responses: Record<string, unknown> = {
			[op.success.status]: {
				description: op.success.description,
				...(op.success.schema ? { content: { 'application/json': { schema: responseSchema(op.success.schema, named) } } } : {}),
				...(op.success.headers ? { headers: op.success.headers } : {})
			}
		};
		for (const status of errorStatuses(op)) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
		responses.default = { $ref: '#/components/responses/Error' };
		const body = bodyOf(op);
		paths[op.path] ??= {};
		paths[op.path][op.method] = {
			operationId: op.operationId,
			tags: [op.tag],
			summary: op.summary,
			...(op.description ? { description: op.description } : {}),
			...(op.auth === false ? { security: [] } : {}),
			...(parameters.length ? { parameters } : {}),
			...(op.rawBody
				? {
						requestBody: {
							required: true,
							description: op.rawBody.description,
							content: Object.fromEntries(op.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]))
						}
					}
				: {}),
			...(body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: { $ref: `#/components/schemas/${body.name}` } } }
						}
					}
				: {}),
			responses
		};
	}
	const errorResponse = (description: string) => ({
		description,
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	});
	cached = {
		openapi: '3.1.0',
		info: {
			title: 'Samverkan API',
			version: '1',
			description:
				'IT service-management governance between an IT service provider and its customers. Sign in with POST /api/v1/session; the session cookie authenticates every other call. Every error is `{"error":{"code","message","fields"?}}`. Another customer\'s resources answer 404, as if they did not exist. A JSON body may be at most 1 MiB and nest arrays and objects at most 64 deep (413 and 400 beyond); an uploaded file at most 64 MiB. Flags in the query take `true` or `false`, nothing else (400).'
		},
		tags: TAGS.filter((tag) => OPERATIONS.some((o) => o.tag === tag)).map((name) => ({ name })),
		security: [{ sessionCookie: [] }, { bearerToken: [] }],
		paths,
		components: {
			securitySchemes: {
				sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
				// per-customer API tokens (ITSM integrations), created by a supplier admin
				bearerToken: { type: 'http', scheme: 'bearer' }
			},
			schemas: { ...outputSchemas, ...inputComponents },
			responses: {
				...Object.fromEntries(Object.values(ERROR_RESPONSES).map((r) => [r.name, errorResponse(r.description)])),
				Error: errorResponse('Any other error (e.g. 500 internal)')
			}
		}
	};
	return cached;
}
