/**
 * The response schemas of the core of /api/v1 (session, customers, people,
 * roles, forums, meetings, audit) and the helpers the route descriptions
 * share. The named ones become components.schemas of the OpenAPI document;
 * the integration tests parse real responses with them (tests/helpers/contract.ts).
 */
import { z } from 'zod';
import { ACCESS_LEVELS, DUTIES, MEETING_STATUSES, PARTIES } from '$lib/domain-types';
import { AGENDA_KINDS, FORUM_LEVELS } from '../domain/governance/catalogue.types';
import { ERROR_CODES as MESSAGE_CODES } from '$lib/errors/error-codes';
import type { DomainErrorCode } from '../domain/errors';
import type { OperationDescription } from './openapi';

/** Where a meeting stands ($lib/domain-types MeetingStatus). */
export const MeetingStatus = z.enum(MEETING_STATUSES);

export const uuid = () => z.uuid();
export const timestamp = () => z.iso.datetime();

const Access = z.enum(ACCESS_LEVELS);
const Party = z.enum(PARTIES);
const DutyName = z.enum(DUTIES);
const ForumKey = z.enum(['cab', 'operational', 'tactical', 'security', 'strategic']);
const ERROR_CODES = ['unauthenticated', 'forbidden', 'not_found', 'invalid', 'conflict', 'rate_limited', 'too_large', 'method_not_allowed', 'internal'] as const satisfies readonly (DomainErrorCode | string)[];

const Localized = z.strictObject({ sv: z.string(), en: z.string() });

export const Me = z.strictObject({
	personId: uuid(),
	name: z.string(),
	email: z.email(),
	access: Access,
	customerId: uuid().nullable().describe('null for the supplier\'s own staff')
});

export const Customer = z.strictObject({ id: uuid(), name: z.string(), orgNumber: z.string().nullable() });

export const CustomerSummary = z.strictObject({
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

export const Person = z.strictObject({
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

export const CustomerDetail = z.strictObject({ ...Customer.shape, people: z.array(Person) });

export const Role = z.strictObject({
	id: uuid(),
	key: z.string(),
	party: Party,
	nameSv: z.string(),
	nameEn: z.string(),
	descriptionSv: z.string(),
	descriptionEn: z.string()
});

export const RoleAssignment = z.strictObject({
	id: uuid(),
	customerId: uuid(),
	personId: uuid(),
	roleId: uuid(),
	createdAt: timestamp()
});

export const ForumMember = z.strictObject({
	personId: uuid(),
	name: z.string(),
	email: z.email(),
	party: Party,
	roleId: uuid().nullable(),
	roleName: Localized.nullable()
});

export const DutyAssignment = z.strictObject({
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

export const Forum = z.strictObject({
	id: uuid(),
	customerId: uuid(),
	templateKey: ForumKey.nullable(),
	level: z.enum(FORUM_LEVELS as [string, ...string[]]),
	name: Localized,
	content: ForumContent,
	members: z.array(ForumMember),
	duties: z.array(DutyAssignment),
	cadence: Cadence,
	/** days after a meeting before those who have not approved its minutes are reminded, and again every as many */
	approvalReminderDays: z.int().min(1),
	materialLeadDays: z.int().nonnegative().nullable().describe('decision material out this many days before a meeting; null: no rule')
});

export const Meeting = z.strictObject({
	id: uuid(),
	forumId: uuid(),
	customerId: uuid(),
	title: z.string(),
	startsAt: timestamp(),
	endsAt: timestamp(),
	location: z.string().nullable(),
	videoUrl: z.string().nullable(),
	status: MeetingStatus,
	agendaPublishedAt: timestamp().nullable(),
	startedAt: timestamp().nullable(),
	endedAt: timestamp().nullable(),
	approvedAt: timestamp().nullable().describe('when both the chair and the adjuster had approved (justerat)'),
	confirmedAt: timestamp().nullable().describe("confirmed at the next meeting's previous-minutes item"),
	adjusterPersonId: uuid().nullable()
});

export const MeetingDetail = z.strictObject({
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

export const AuditEntry = z.strictObject({
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

export const OutboxMail = z.strictObject({
	id: uuid(),
	kind: z.string().describe('the kind of notification, e.g. meeting.invitation'),
	customerId: uuid().nullable(),
	recipient: z.strictObject({ name: z.string(), email: z.string() }),
	subject: z.string().describe("in the recipient's language"),
	status: z.enum(['pending', 'digest', 'sent', 'kept', 'dead']).describe('kept: no mail server configured; dead: every attempt failed'),
	attempts: z.number().int(),
	lastError: z.string().nullable(),
	createdAt: timestamp(),
	sentAt: timestamp().nullable(),
	nextAttemptAt: timestamp()
});

export const OutboxMailPreview = OutboxMail.extend({
	text: z.string().describe('the plain-text part'),
	htmlBody: z.string().describe("the HTML part's body"),
	calendar: z.string().nullable().describe('the iCalendar part (METHOD:REQUEST or CANCEL) of a kallelse'),
	attachments: z.array(z.string())
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

export const OpenApiDocumentSchema = z.looseObject({
	openapi: z.string(),
	info: z.looseObject({ title: z.string(), version: z.string() }),
	paths: z.record(z.string(), z.unknown())
});

/** Named response schemas; they become components.schemas. */
export const CORE_OUTPUT_SCHEMAS = {
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
	OpenApiDocument: OpenApiDocumentSchema
} satisfies Record<string, z.ZodType>;

/** A body of one named value: `{ [key]: schema }`. */
export const one = (key: string, schema: z.ZodType) => z.strictObject({ [key]: schema });
/** A body of one named list: `{ [key]: schema[] }`. */
export const list = (key: string, schema: z.ZodType) => z.strictObject({ [key]: z.array(schema) });

/** A query parameter of an operation. */
export interface QueryParameter {
	schema: z.core.$ZodType;
	description: string;
	/** the service rejects a request without it */
	required?: boolean;
}

/**
 * The query parameters of an operation, from the zod object its service
 * parses the query with: each field's own schema, required when the field
 * takes no undefined. Every field needs a description, so a field added to
 * the service's schema does not type-check until it is described.
 */
export function queryOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, descriptions: Record<keyof Shape & string, string>): Record<string, QueryParameter> {
	return Object.fromEntries(
		Object.entries(schema.shape).map(([name, field]) => [
			name,
			{ schema: field, description: descriptions[name as keyof Shape & string], ...(z.safeParse(field, undefined).success ? {} : { required: true }) }
		])
	);
}

/** `?lang=sv|en`: the language of an export (exportLocale); without it the caller's. */
export const langQuery = (description = "Language of the file; default the caller's language (Swedish)") => ({
	lang: { schema: z.enum(['sv', 'en']), description }
});

/** What an operation states beyond its id, tag, summary and success response; `headers` go with the success response. */
export type OperationExtras = Omit<OperationDescription, 'operationId' | 'tag' | 'summary' | 'success'> & { headers?: OperationDescription['success']['headers'] };

/** An operation answering `status`: id, tag, summary, what the answer is, its body schema (if JSON) and the rest. */
const answering =
	(status: OperationDescription['success']['status']) =>
	(operationId: string, tag: OperationDescription['tag'], summary: string, answer: string, schema?: z.ZodType, extras: OperationExtras = {}): OperationDescription => {
		const { headers, ...rest } = extras;
		return { operationId, tag, summary, ...rest, success: { status, description: answer, ...(schema ? { schema } : {}), ...(headers ? { headers } : {}) } };
	};

/** An operation answering 200 with `schema` (a file instead of JSON: `file`). */
export const ok = answering(200);
/** An operation answering 201 Created with `schema`. */
export const created = answering(201);
/** An operation answering 204 without a body. */
export const noContent = (operationId: string, tag: OperationDescription['tag'], summary: string, answer: string, extras: OperationExtras = {}): OperationDescription =>
	answering(204)(operationId, tag, summary, answer, undefined, extras);
/** An operation answering 200 with a file (CSV, PDF, iCalendar…) rather than JSON; `answer` names its type. */
export const file = (operationId: string, tag: OperationDescription['tag'], summary: string, answer: string, extras: OperationExtras = {}): OperationDescription =>
	answering(200)(operationId, tag, summary, answer, undefined, extras);
