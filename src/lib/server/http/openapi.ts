/**
 * The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json.
 *
 * One table (`OPERATIONS`) lists every route and method. Request bodies are the
 * domain's own zod schemas (what the services parse), turned into JSON Schema
 * with `z.toJSONSchema`; responses are described by the zod schemas below,
 * which the integration tests also parse real responses with. A unit test
 * compares this table with the route files under src/routes/api/v1, so the two
 * cannot drift apart.
 */
import { z } from 'zod';
import { AUDIT_KINDS } from '../domain/audit/audit-events';
import { DUTIES, AGENDA_KINDS, FORUM_LEVELS } from '../domain/governance/catalogue.types';
import { CreateFromTemplate, DutyInput, ForumUpdate, MemberInput } from '../domain/governance/forums.service';
import { ScheduleInput } from '../domain/meetings/meetings.service';
import { LoginInput } from '../domain/tenancy/auth.service';
import { CustomerInput } from '../domain/tenancy/customers.service';
import { PersonInput, PersonUpdate } from '../domain/tenancy/people.service';
import { AssignInput, RoleUpdate } from '../domain/tenancy/roles.service';
import { SESSION_COOKIE } from '../domain/tenancy/sessions';
import { ERROR_CODES as MESSAGE_CODES } from '$lib/errors/error-codes';
import type { DomainErrorCode } from '../domain/errors';
import { ITSM_INPUT_SCHEMAS, ITSM_OPERATIONS, ITSM_OUTPUT_SCHEMAS } from './openapi-itsm';
import { MEETINGS_INPUT_SCHEMAS, MEETINGS_OPERATIONS, MEETINGS_OUTPUT_SCHEMAS } from './openapi-meetings';
import { PORTAL_INPUT_SCHEMAS, PORTAL_OPERATIONS, PORTAL_OUTPUT_SCHEMAS } from './openapi-portal';
import { LIFECYCLE_INPUT_SCHEMAS, LIFECYCLE_OPERATIONS, LIFECYCLE_OUTPUT_SCHEMAS } from './openapi-lifecycle';

// ---------------------------------------------------------------- response schemas

const uuid = () => z.uuid();
const timestamp = () => z.iso.datetime();

const Access = z.enum(['supplier_admin', 'supplier_staff', 'customer_admin', 'customer_member']);
const Party = z.enum(['supplier', 'customer']);
const DutyName = z.enum(DUTIES as [string, ...string[]]);
const ForumKey = z.enum(['cab', 'operational', 'tactical', 'security', 'strategic']);
const ERROR_CODES = ['unauthenticated', 'forbidden', 'not_found', 'invalid', 'conflict', 'rate_limited', 'too_large', 'method_not_allowed', 'internal'] as const satisfies readonly (DomainErrorCode | string)[];

const Localized = z.strictObject({ sv: z.string(), en: z.string() });

const Me = z.strictObject({
	personId: uuid(),
	name: z.string(),
	email: z.email(),
	access: Access,
	customerId: uuid().nullable().describe('null for the supplier\'s own staff')
});

const Customer = z.strictObject({ id: uuid(), name: z.string(), orgNumber: z.string().nullable() });

const CustomerSummary = z.strictObject({
	...Customer.shape,
	people: z.int().nonnegative(),
	forums: z.int().nonnegative(),
	meetings: z.int().nonnegative()
});

const PersonRole = z.strictObject({
	assignmentId: uuid(),
	roleId: uuid(),
	key: z.string(),
	nameSv: z.string(),
	nameEn: z.string()
});

const Person = z.strictObject({
	id: uuid(),
	customerId: uuid().nullable().describe('null for the supplier\'s own staff'),
	name: z.string(),
	email: z.email(),
	phone: z.string().nullable(),
	title: z.string().nullable(),
	access: Access,
	hasAccount: z.boolean().describe('has a login that is not disabled'),
	accountDisabled: z.boolean().describe('has a login that an admin disabled'),
	lastLoginAt: timestamp().nullable(),
	roles: z.array(PersonRole).describe("roles held in the person's customer relation (empty for supplier staff)")
});

const CustomerDetail = z.strictObject({ ...Customer.shape, people: z.array(Person) });

const Role = z.strictObject({
	id: uuid(),
	key: z.string(),
	party: Party,
	nameSv: z.string(),
	nameEn: z.string(),
	descriptionSv: z.string(),
	descriptionEn: z.string()
});

const RoleAssignment = z.strictObject({
	id: uuid(),
	customerId: uuid(),
	personId: uuid(),
	roleId: uuid(),
	createdAt: timestamp()
});

const ForumMember = z.strictObject({
	personId: uuid(),
	name: z.string(),
	email: z.email(),
	party: Party,
	roleId: uuid().nullable(),
	roleName: Localized.nullable()
});

const DutyAssignment = z.strictObject({
	duty: DutyName,
	party: Party,
	personId: uuid().nullable(),
	personName: z.string().nullable()
});

const AgendaItem = z.strictObject({ kind: z.enum(AGENDA_KINDS), title: Localized, minutes: z.int().nonnegative() });

const ForumContent = z.strictObject({
	purpose: Localized,
	cadenceText: Localized,
	tasks: z.array(Localized),
	agenda: z.array(AgendaItem),
	participants: z.strictObject({ supplier: z.array(z.string()), customer: z.array(z.string()) }),
	preparation: Localized.nullable()
});

const Cadence = z.strictObject({
	year: z.int(),
	held: z.int().nonnegative(),
	planned: z.int().nonnegative(),
	minPerYear: z.int().nullable(),
	maxPerYear: z.int().nullable(),
	state: z.enum(['on_track', 'behind', 'over', 'as_needed'])
});

const Forum = z.strictObject({
	id: uuid(),
	customerId: uuid(),
	templateKey: ForumKey.nullable(),
	level: z.enum(FORUM_LEVELS as [string, ...string[]]),
	name: Localized,
	content: ForumContent,
	members: z.array(ForumMember),
	duties: z.array(DutyAssignment),
	cadence: Cadence
});

const Meeting = z.strictObject({
	id: uuid(),
	forumId: uuid(),
	customerId: uuid(),
	title: z.string(),
	startsAt: timestamp(),
	endsAt: timestamp(),
	location: z.string().nullable(),
	videoUrl: z.string().nullable(),
	status: z.enum(['planned', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved', 'confirmed']),
	agendaPublishedAt: timestamp().nullable(),
	startedAt: timestamp().nullable(),
	endedAt: timestamp().nullable(),
	approvedAt: timestamp().nullable().describe('when both the chair and the adjuster had approved (justerat)'),
	confirmedAt: timestamp().nullable().describe("confirmed at the next meeting's previous-minutes item"),
	adjusterPersonId: uuid().nullable()
});

const MeetingDetail = z.strictObject({
	...Meeting.shape,
	forumNameSv: z.string(),
	forumNameEn: z.string(),
	customerName: z.string(),
	documents: z
		.strictObject({
			agenda: z.string(),
			minutes: z.string(),
			actions: z.string(),
			internal: z.string().optional().describe('supplier-internal notes; only for supplier staff')
		})
		.describe('names of the shared documents, to open at /collab/<name>')
});

const AuditEntry = z.strictObject({
	id: uuid(),
	at: timestamp(),
	actorId: uuid().nullable(),
	actorName: z.string().nullable(),
	customerId: uuid().nullable(),
	action: z.string(),
	entity: z.string(),
	entityId: z.string(),
	before: z.unknown().describe('the changed values before the change, or null'),
	after: z.unknown().describe('the changed values after the change, or null')
});

const ErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const ErrorBody = z.strictObject({
	error: z.strictObject({
		code: z.enum(ERROR_CODES),
		message: z.string(),
		fields: z.record(z.string(), z.string()).optional().describe('field name → message, for invalid input'),
		messageCode: z.enum(MESSAGE_CODES).optional().describe('what went wrong, as a stable code to show in the user\'s language'),
		params: ErrorParams.optional().describe('the parameters of messageCode'),
		fieldCodes: z
			.record(z.string(), z.strictObject({ code: z.enum(MESSAGE_CODES), params: ErrorParams.optional() }))
			.optional()
			.describe('field name → stable code (and parameters) of its error')
	})
});

const OpenApiDocumentSchema = z.looseObject({
	openapi: z.string(),
	info: z.looseObject({ title: z.string(), version: z.string() }),
	paths: z.record(z.string(), z.unknown())
});

/** Named response schemas; they become components.schemas. */
const OUTPUT_SCHEMAS = {
	Error: ErrorBody,
	Localized,
	Me,
	Customer,
	CustomerSummary,
	CustomerDetail,
	Person,
	PersonRole,
	Role,
	RoleAssignment,
	Forum,
	ForumContent,
	ForumMember,
	DutyAssignment,
	Cadence,
	Meeting,
	MeetingDetail,
	AuditEntry,
	OpenApiDocument: OpenApiDocumentSchema,
	...ITSM_OUTPUT_SCHEMAS,
	...MEETINGS_OUTPUT_SCHEMAS,
	...LIFECYCLE_OUTPUT_SCHEMAS,
	...PORTAL_OUTPUT_SCHEMAS
} satisfies Record<string, z.ZodType>;

/** Request bodies: the schemas the services parse input with. */
const INPUT_SCHEMAS = {
	LoginInput,
	CustomerInput,
	PersonInput,
	PersonUpdate,
	RoleAssignmentInput: AssignInput,
	RoleUpdate,
	ForumFromTemplateInput: CreateFromTemplate,
	ForumUpdate,
	ForumMemberInput: MemberInput,
	// the duty itself comes from the path
	DutyAssignmentInput: DutyInput.omit({ duty: true }),
	MeetingInput: ScheduleInput,
	...ITSM_INPUT_SCHEMAS,
	...LIFECYCLE_INPUT_SCHEMAS,
	...MEETINGS_INPUT_SCHEMAS,
	...PORTAL_INPUT_SCHEMAS
} satisfies Record<string, z.ZodType>;

type InputName = keyof typeof INPUT_SCHEMAS;

// ---------------------------------------------------------------- operations

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiOperation {
	method: HttpMethod;
	/** OpenAPI path template, e.g. /api/v1/customers/{id} */
	path: string;
	operationId: string;
	tag: string;
	summary: string;
	description?: string;
	/** false: answered without a session */
	auth?: boolean;
	query?: Record<string, { schema: z.ZodType; description: string }>;
	body?: InputName;
	/** a body that is not JSON (a file upload) */
	rawBody?: { contentTypes: string[]; description: string };
	/** success status, with the response body (a wrapper around named schemas) */
	success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
	/** error statuses beyond those implied (401 with auth, 400 with a body, 404 with ids in the path) */
	errors?: number[];
}

const one = (key: string, schema: z.ZodType) => z.strictObject({ [key]: schema });
const list = (key: string, schema: z.ZodType) => z.strictObject({ [key]: z.array(schema) });

export const OPERATIONS: ApiOperation[] = [
	// session
	{
		method: 'post',
		path: '/api/v1/session',
		operationId: 'login',
		tag: 'session',
		summary: 'Sign in',
		description: `Sets the session cookie \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Lax; Secure over https). Repeated failures for one account or address are answered 429 for a while.`,
		auth: false,
		body: 'LoginInput',
		success: { status: 200, description: 'Signed in', schema: z.strictObject({ person: Me, expiresAt: timestamp() }) },
		errors: [401, 429]
	},
	{
		method: 'delete',
		path: '/api/v1/session',
		operationId: 'logout',
		tag: 'session',
		summary: 'Sign out',
		description: 'Ends the session on the server and clears the cookie.',
		success: { status: 204, description: 'Signed out' }
	},
	{
		method: 'get',
		path: '/api/v1/me',
		operationId: 'getMe',
		tag: 'session',
		summary: 'The signed-in person',
		success: { status: 200, description: 'Who is signed in', schema: one('person', Me) }
	},
	{
		method: 'get',
		path: '/api/v1/openapi.json',
		operationId: 'getOpenApi',
		tag: 'meta',
		summary: 'This document',
		auth: false,
		success: { status: 200, description: 'The OpenAPI 3.1 description of /api/v1', schema: OpenApiDocumentSchema }
	},
	// customers
	{
		method: 'get',
		path: '/api/v1/customers',
		operationId: 'listCustomers',
		tag: 'customers',
		summary: 'Customers',
		description: "Supplier staff see every customer; a customer's people only their own.",
		success: { status: 200, description: 'Customers with counts', schema: list('customers', CustomerSummary) }
	},
	{
		method: 'post',
		path: '/api/v1/customers',
		operationId: 'createCustomer',
		tag: 'customers',
		summary: 'Create a customer (supplier admin)',
		body: 'CustomerInput',
		success: { status: 201, description: 'Created', schema: one('customer', Customer) },
		errors: [403, 409]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}',
		operationId: 'getCustomer',
		tag: 'customers',
		summary: 'A customer with its people',
		success: { status: 200, description: 'The customer', schema: one('customer', CustomerDetail) }
	},
	// people
	{
		method: 'get',
		path: '/api/v1/customers/{id}/people',
		operationId: 'listCustomerPeople',
		tag: 'people',
		summary: "A customer's people, with the roles they hold",
		success: { status: 200, description: 'People', schema: list('people', Person) }
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/people',
		operationId: 'createCustomerPerson',
		tag: 'people',
		summary: 'Add a person to a customer (supplier admin, or the customer\'s admin)',
		description: 'With a password the person gets a login. Access must be customer_admin or customer_member.',
		body: 'PersonInput',
		success: { status: 201, description: 'Created', schema: one('person', Person) },
		errors: [403, 409]
	},
	{
		method: 'get',
		path: '/api/v1/supplier/people',
		operationId: 'listSupplierPeople',
		tag: 'people',
		summary: "The supplier's staff (supplier only)",
		success: { status: 200, description: 'Supplier staff', schema: list('people', Person) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/supplier/people',
		operationId: 'createSupplierPerson',
		tag: 'people',
		summary: 'Add a member of the supplier\'s staff (supplier admin)',
		description: 'Access must be supplier_admin or supplier_staff.',
		body: 'PersonInput',
		success: { status: 201, description: 'Created', schema: one('person', Person) },
		errors: [403, 409]
	},
	{
		method: 'get',
		path: '/api/v1/people/{id}',
		operationId: 'getPerson',
		tag: 'people',
		summary: 'A person',
		success: { status: 200, description: 'The person', schema: one('person', Person) },
		errors: [403]
	},
	{
		method: 'patch',
		path: '/api/v1/people/{id}',
		operationId: 'updatePerson',
		tag: 'people',
		summary: 'Change a person (supplier admin, or the customer admin for their own people)',
		description: 'Only the fields sent change. A new password, a changed access level or `disabled: true` ends the person\'s sessions. Nobody can disable their own account or lower their own access (400).',
		body: 'PersonUpdate',
		success: { status: 200, description: 'The person after the change', schema: one('person', Person) },
		errors: [403, 409]
	},
	// roles
	{
		method: 'get',
		path: '/api/v1/roles',
		operationId: 'listRoles',
		tag: 'roles',
		summary: 'The role catalogue of both parties',
		success: { status: 200, description: 'Roles', schema: list('roles', Role) }
	},
	{
		method: 'patch',
		path: '/api/v1/roles/{id}',
		operationId: 'updateRole',
		tag: 'roles',
		summary: "Change a catalogue role's names and descriptions (supplier admin)",
		body: 'RoleUpdate',
		success: { status: 200, description: 'The role after the change', schema: one('role', Role) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/roles',
		operationId: 'assignRole',
		tag: 'roles',
		summary: "Give a person a role in the customer's relation",
		description: "The person is supplier staff or the customer's own; the role must be of the person's party. Customer admins assign roles to their own people only.",
		body: 'RoleAssignmentInput',
		success: { status: 201, description: 'Assigned', schema: one('assignment', RoleAssignment) },
		errors: [403, 409]
	},
	{
		method: 'delete',
		path: '/api/v1/customers/{id}/roles/{assignmentId}',
		operationId: 'unassignRole',
		tag: 'roles',
		summary: 'Take a role assignment away',
		success: { status: 204, description: 'Removed' },
		errors: [403]
	},
	// forums
	{
		method: 'get',
		path: '/api/v1/customers/{id}/forums',
		operationId: 'listForums',
		tag: 'forums',
		summary: "A customer's forums",
		success: { status: 200, description: 'Forums', schema: list('forums', Forum) }
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/forums',
		operationId: 'createForum',
		tag: 'forums',
		summary: 'Create a forum from a template (supplier admin)',
		description: 'Copies the template; members are the people holding its participant roles in this relation.',
		body: 'ForumFromTemplateInput',
		success: { status: 201, description: 'Created', schema: one('forum', Forum) },
		errors: [403, 409]
	},
	{
		method: 'get',
		path: '/api/v1/forums/{id}',
		operationId: 'getForum',
		tag: 'forums',
		summary: 'A forum with members, duties and cadence',
		success: { status: 200, description: 'The forum', schema: one('forum', Forum) }
	},
	{
		method: 'patch',
		path: '/api/v1/forums/{id}',
		operationId: 'updateForum',
		tag: 'forums',
		summary: "Change a forum's names, purpose or cadence (supplier admin, or the customer's admin)",
		body: 'ForumUpdate',
		success: { status: 200, description: 'The forum after the change', schema: one('forum', Forum) },
		errors: [403]
	},
	{
		method: 'put',
		path: '/api/v1/forums/{id}/duties/{duty}',
		operationId: 'assignDuty',
		tag: 'forums',
		summary: 'Hand a meeting duty to a party and optionally a person',
		description:
			'"Ansvar kan omfördelas till kund vid behov": a duty (e.g. the chair) may be handed to the customer. The person must be of the chosen party and of this relation. Recorded in the audit log with before and after.',
		body: 'DutyAssignmentInput',
		success: { status: 200, description: 'The duty after the change', schema: one('duty', DutyAssignment) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/forums/{id}/members',
		operationId: 'addForumMember',
		tag: 'forums',
		summary: 'Add a member to a forum',
		body: 'ForumMemberInput',
		success: { status: 201, description: 'Added', schema: one('member', ForumMember) },
		errors: [403, 409]
	},
	{
		method: 'delete',
		path: '/api/v1/forums/{id}/members/{personId}',
		operationId: 'removeForumMember',
		tag: 'forums',
		summary: 'Remove a member from a forum (and from the duties they held there)',
		success: { status: 204, description: 'Removed' },
		errors: [403]
	},
	// meetings
	{
		method: 'get',
		path: '/api/v1/forums/{id}/meetings',
		operationId: 'listForumMeetings',
		tag: 'meetings',
		summary: "A forum's meetings, oldest first",
		success: { status: 200, description: 'Meetings', schema: list('meetings', Meeting) }
	},
	{
		method: 'post',
		path: '/api/v1/forums/{id}/meetings',
		operationId: 'scheduleMeeting',
		tag: 'meetings',
		summary: 'Schedule a meeting (supplier staff, or the customer\'s admin)',
		description: 'startsAt and endsAt are ISO-8601; without an offset they are Stockholm wall-clock time. At most 24 hours long.',
		body: 'MeetingInput',
		success: { status: 201, description: 'Scheduled', schema: one('meeting', Meeting) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/meetings/{id}',
		operationId: 'getMeeting',
		tag: 'meetings',
		summary: 'A meeting',
		success: { status: 200, description: 'The meeting', schema: one('meeting', MeetingDetail) }
	},
	// audit
	{
		method: 'get',
		path: '/api/v1/audit',
		operationId: 'listAudit',
		tag: 'audit',
		summary: 'The audit log, newest first (at most 200 entries)',
		description:
			"With customerId: that customer's relation (supplier admin: every entry; that customer's admin: only the customer's own changes, never supplier-internal ones). Without: the whole installation (supplier admin).",
		query: {
			customerId: { schema: z.uuid(), description: 'Only entries about this customer' },
			kind: { schema: z.enum(AUDIT_KINDS), description: 'Only events of this kind' },
			from: { schema: z.iso.date(), description: 'From this day (Stockholm time), inclusive' },
			to: { schema: z.iso.date(), description: 'Up to this day (Stockholm time), inclusive' }
		},
		success: { status: 200, description: 'Entries', schema: list('entries', AuditEntry) },
		errors: [403, 404]
	},
	...ITSM_OPERATIONS,
	...MEETINGS_OPERATIONS,
	...LIFECYCLE_OPERATIONS,
	...PORTAL_OPERATIONS
];

// ---------------------------------------------------------------- the document

const PATH_PARAMS: Record<string, { description: string; schema: Record<string, unknown> }> = {
	'customers/{id}': { description: 'Customer id', schema: { type: 'string', format: 'uuid' } },
	'forums/{id}': { description: 'Forum id', schema: { type: 'string', format: 'uuid' } },
	'meetings/{id}': { description: 'Meeting id', schema: { type: 'string', format: 'uuid' } },
	'people/{id}': { description: 'Person id', schema: { type: 'string', format: 'uuid' } },
	'roles/{id}': { description: 'Catalogue role id', schema: { type: 'string', format: 'uuid' } },
	'roles/{assignmentId}': { description: 'Role assignment id', schema: { type: 'string', format: 'uuid' } },
	'members/{personId}': { description: 'Person id of the member', schema: { type: 'string', format: 'uuid' } },
	'duties/{duty}': { description: 'The duty', schema: { type: 'string', enum: [...DUTIES] } },
	'api-tokens/{tokenId}': { description: 'API token id', schema: { type: 'string', format: 'uuid' } },
	'actions/{actionId}': { description: 'Action item id', schema: { type: 'string' } },
	'articles/{articleId}': { description: 'Knowledge-base article id', schema: { type: 'string', format: 'uuid' } }
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
	const inputSchemas = componentsOf(INPUT_SCHEMAS, 'input');
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
			parameters.push({ name, in: 'query', required: false, description: q.description, schema });
		}
		const responses: Record<string, unknown> = {
			[op.success.status]: {
				description: op.success.description,
				...(op.success.schema ? { content: { 'application/json': { schema: responseSchema(op.success.schema, named) } } } : {}),
				...(op.operationId === 'login'
					? { headers: { 'Set-Cookie': { description: `${SESSION_COOKIE}=…; Path=/; HttpOnly; SameSite=Lax`, schema: { type: 'string' } } } }
					: {})
			}
		};
		for (const status of errorStatuses(op)) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
		responses.default = { $ref: '#/components/responses/Error' };
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
			...(op.body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } }
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
		tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
		security: [{ sessionCookie: [] }, { bearerToken: [] }],
		paths,
		components: {
			securitySchemes: {
				sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
				// per-customer API tokens (ITSM integrations), created by a supplier admin
				bearerToken: { type: 'http', scheme: 'bearer' }
			},
			schemas: { ...outputSchemas, ...inputSchemas },
			responses: {
				...Object.fromEntries(Object.values(ERROR_RESPONSES).map((r) => [r.name, errorResponse(r.description)])),
				Error: errorResponse('Any other error (e.g. 500 internal)')
			}
		}
	};
	return cached;
}
