/**
 * The ITSM part of the OpenAPI document (tickets, import, SLA, KPIs, API
 * tokens, saved mappings). openapi.ts merges these into its tables; the same
 * drift and contract tests cover them.
 */
import { z } from 'zod';
import { ManualKpiInput } from '../domain/itsm/kpi/kpi.service';
import { KpiTargetsInput } from '../domain/itsm/kpi/kpi-targets.service';
import { IngestInput, TicketInput } from '../domain/itsm/import/ingest.service';
import { DATE_ORDERS } from '../domain/itsm/import/dates';
import { MappingInput } from '../domain/itsm/import/saved-mappings.service';
import { PRESET_KEYS } from '../domain/itsm/import/presets';
import { SlaSettingsInput } from '../domain/itsm/sla/sla-settings.service';
import { TokenInput } from '../domain/itsm/tokens/api-tokens.service';
import { STATUS_CATEGORIES, TICKET_KINDS } from '../domain/itsm/ticket.types';
import { TOKEN_SCOPES, type TokenScope } from '../domain/policy';
import type { ApiOperation } from './openapi';

const uuid = () => z.uuid();
const timestamp = () => z.iso.datetime();
const Outcome = z.enum(['met', 'breached', 'pending']).nullable();

const Ticket = z.strictObject({
	id: uuid(),
	source: z.string(),
	number: z.string(),
	kind: z.enum(TICKET_KINDS),
	title: z.string().nullable(),
	status: z.enum(STATUS_CATEGORIES),
	statusRaw: z.string().nullable(),
	priority: z.int().min(1).max(5).nullable(),
	priorityRaw: z.string().nullable(),
	service: z.string().nullable(),
	assignmentGroup: z.string().nullable(),
	openedAt: timestamp(),
	resolvedAt: timestamp().nullable(),
	closedAt: timestamp().nullable(),
	majorIncident: z.boolean(),
	reopenCount: z.int(),
	reopenedAt: timestamp().nullable().describe('the last reopen (back from resolved/closed), when there was one'),
	active: z.boolean().nullable().describe("the source system's own open flag (ServiceNow active), when the source has one"),
	sourceSlaMet: z.boolean().nullable().describe("the source system's own SLA flag"),
	sla: z.strictObject({
		response: Outcome,
		resolution: Outcome,
		resolutionDueAt: timestamp().nullable().describe('breach moment (past or projected) when not met')
	}),
	changeType: z.string().nullable(),
	changeRisk: z.string().nullable(),
	cabRequired: z.boolean().nullable(),
	plannedStart: timestamp().nullable(),
	plannedEnd: timestamp().nullable(),
	changeOutcome: z.string().nullable()
});

const ImportReport = z.strictObject({
	status: z.enum(['imported', 'rejected', 'checked']).describe('rejected: nothing changed; checked: a dry run'),
	importId: uuid().nullable(),
	preset: z.string(),
	source: z.string(),
	rowsRead: z.int(),
	tickets: z.int(),
	created: z.int(),
	updated: z.int(),
	unchanged: z.int(),
	rejected: z.int(),
	errors: z.array(z.string()).describe('problems with the whole file'),
	rejectedRows: z.array(z.strictObject({ row: z.int(), reasons: z.array(z.string()) })),
	ignoredColumns: z.array(z.string()),
	durationMs: z.number()
});

const Period = z.strictObject({ from: timestamp(), to: timestamp() });
const ratio = () => z.number().min(0).max(1).nullable();
const SlaRow = z.strictObject({
	priority: z.int().describe('1–5; 0 in totals'),
	targetMinutes: z.int().nullable(),
	calendar: z.enum(['business', '24x7']).nullable(),
	met: z.int(),
	breached: z.int(),
	compliance: ratio(),
	tickets: z.int().nonnegative().describe('met + breached: the tickets behind the compliance'),
	tooFewTickets: z.boolean().describe('fewer tickets than the minimum (ITSM_MIN_TICKETS, default 10): shown as "too few tickets", not as a percentage')
});
const SourceFlagRow = z.strictObject({ priority: z.int(), met: z.int(), breached: z.int(), compliance: ratio(), disagree: z.int() });
const SlaReport = z.strictObject({
	period: Period,
	response: z.array(SlaRow),
	resolution: z.array(SlaRow),
	total: z.strictObject({ response: SlaRow, resolution: SlaRow }),
	sourceFlag: z.strictObject({ rows: z.array(SourceFlagRow), total: SourceFlagRow })
});
const Light = z.enum(['green', 'amber', 'red']).nullable();
const KpiReport = z.strictObject({
	period: Period,
	kpis: z.array(
		z.strictObject({
			kpi: z.string(),
			value: z.number().nullable(),
			unit: z.string(),
			target: z.number().nullable(),
			amber: z.number().nullable(),
			light: Light,
			manual: z.boolean().optional(),
			name: z.string().optional(),
			tickets: z.int().nonnegative().optional().describe('shares of tickets (SLA): the tickets behind the value'),
			tooFewTickets: z.boolean().optional().describe('fewer tickets than the minimum: the value is not shown as a percentage')
		})
	),
	mttr: z.array(z.strictObject({ priority: z.int(), resolved: z.int(), meanHours: z.number().nullable(), medianHours: z.number().nullable() })),
	mttrOverall: z
		.strictObject({ resolved: z.int(), meanHours: z.number().nullable(), medianHours: z.number().nullable() })
		.describe('every incident resolved in the period with a priority (the sum of the mttr rows), open → resolved; also the KPIs mttr_hours and mttr_median_hours'),
	reopen: z
		.strictObject({ reopened: z.int(), resolved: z.int(), rate: z.number().nullable() })
		.describe('reopened: tickets whose last reopen falls in the period, resolved again or not; rate: reopened / tickets resolved in the period (null when none); also the KPIs reopened and reopen_rate'),
	volumes: z.array(z.strictObject({ kind: z.string(), opened: z.int(), resolved: z.int(), backlog: z.int() })),
	sla: SlaReport
});
const ApiToken = z.strictObject({
	id: uuid(),
	customerId: uuid(),
	name: z.string(),
	scopes: z.array(z.enum(Object.keys(TOKEN_SCOPES) as [TokenScope, ...TokenScope[]])),
	createdAt: timestamp(),
	lastUsedAt: timestamp().nullable(),
	revokedAt: timestamp().nullable()
});
const SavedMapping = z.strictObject({ id: uuid(), name: z.string(), mapping: z.looseObject({ columns: z.record(z.string(), z.unknown()) }) });
const ManualKpi = z.strictObject({
	id: uuid(),
	kpi: z.string(),
	name: z.string(),
	periodFrom: z.iso.date(),
	periodTo: z.iso.date(),
	value: z.number(),
	unit: z.string().nullable(),
	note: z.string().nullable()
});

const day = z.tuple([z.int(), z.int()]).nullable().optional();
const SlaSettings = z.strictObject({
	timeZone: z.string(),
	businessHours: z.strictObject({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day }).describe('ISO weekday → [start, end) minutes after local midnight'),
	holidays: z.string().nullable(),
	pauseStatuses: z.array(z.string()),
	definitions: z.array(
		z.strictObject({
			priority: z.int(),
			responseMinutes: z.int().nullable(),
			resolutionMinutes: z.int().nullable(),
			calendar: z.enum(['business', '24x7'])
		})
	)
});

const KpiTarget = z.strictObject({ kpi: z.string(), target: z.number(), amber: z.number(), higherIsBetter: z.boolean() });

export const ITSM_OUTPUT_SCHEMAS = { KpiTarget, SlaSettings, Ticket, ImportReport, SlaReport, KpiReport, ApiToken, SavedMapping, ManualKpi } satisfies Record<string, z.ZodType>;
export const ITSM_INPUT_SCHEMAS = {
	TicketIngestInput: IngestInput.extend({ tickets: z.array(TicketInput).min(1).max(5000) }),
	ApiTokenInput: TokenInput,
	MappingInput,
	ManualKpiInput,
	SlaSettingsInput,
	KpiTargetsInput
} satisfies Record<string, z.ZodType>;

const one = (key: string, schema: z.ZodType) => z.strictObject({ [key]: schema });
const list = (key: string, schema: z.ZodType) => z.strictObject({ [key]: z.array(schema) });
const date = (d: string) => ({ schema: z.string(), description: d });
const PERIOD = {
	from: date('Start (inclusive): yyyy-mm-dd (Stockholm midnight) or ISO-8601; default twelve months before `to`'),
	to: date('End (exclusive): yyyy-mm-dd or ISO-8601; default the start of next month')
};

export const ITSM_OPERATIONS: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/customers/{id}/tickets',
		operationId: 'listTickets',
		tag: 'itsm',
		summary: "The customer's tickets, newest first, with their SLA state",
		description:
			"from/to filter on the opening time. A customer member needs the case-handling report granted by the customer's admin (403 without it). Also for API tokens with scope tickets:read.",
		query: {
			kind: { schema: z.enum(TICKET_KINDS), description: 'Only this kind' },
			priority: { schema: z.int().min(1).max(5), description: 'Only this priority' },
			status: { schema: z.enum(STATUS_CATEGORIES), description: 'Only this status category' },
			...PERIOD,
			limit: { schema: z.int().min(1).max(1000), description: 'Page size (default 100)' },
			offset: { schema: z.int().min(0), description: 'Tickets to skip' }
		},
		success: {
			status: 200,
			description: 'A page of tickets',
			schema: z.strictObject({ tickets: z.array(Ticket), total: z.int(), limit: z.int(), offset: z.int() })
		},
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/tickets',
		operationId: 'ingestTickets',
		tag: 'itsm',
		summary: 'Ingest tickets as JSON (integrations)',
		description:
			'Upsert by (source, number): sending the same tickets again changes nothing. One transaction: when any item is invalid, nothing is stored and the report lists every bad item (row = its 1-based position). Authenticate with `Authorization: Bearer <token>` (scope tickets:write) or as supplier staff.',
		body: 'TicketIngestInput',
		success: { status: 200, description: 'The report (status rejected: nothing changed)', schema: one('report', ImportReport) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/tickets/import',
		operationId: 'importTickets',
		tag: 'itsm',
		summary: 'Import a CSV export (supplier staff, or a token with scope tickets:write)',
		description:
			'The body is the file (CSV or gzip of it). One transaction: when any row is bad, nothing changes and the report lists every bad row with its number and reasons.',
		rawBody: { contentTypes: ['text/csv', 'application/gzip', 'application/octet-stream'], description: 'The exported file' },
		query: {
			preset: { schema: z.enum(PRESET_KEYS), description: 'How to read the file' },
			source: { schema: z.string(), description: "The source system's name (part of each ticket's key); default per preset" },
			dateOrder: { schema: z.enum(DATE_ORDERS), description: 'Day/month order of numeric dates; ISO-8601 is always understood' },
			timeZone: { schema: z.string(), description: 'IANA zone of times without an offset (default per preset)' },
			mappingId: { schema: z.uuid(), description: 'generic preset: a saved mapping' },
			fileName: { schema: z.string(), description: 'For the import record' },
			dryRun: { schema: z.enum(['true', 'false']), description: 'Check only, change nothing' }
		},
		success: { status: 200, description: 'The report', schema: one('report', ImportReport) },
		errors: [400, 403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/sla',
		operationId: 'getSla',
		tag: 'itsm',
		summary: 'SLA compliance per metric and priority, with the source system\'s own flag beside it',
		description:
			"met ÷ (met + breached); a ticket counts in the period in which it was met or breached. In-flight tickets already breached count as breached; cancelled ones are excluded. A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		query: PERIOD,
		success: { status: 200, description: 'The SLA report', schema: one('sla', SlaReport) },
		errors: [400, 403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/sla-settings',
		operationId: 'getSlaSettings',
		tag: 'itsm',
		summary: "The customer's SLA definitions, calendar and pause statuses (defaults until set)",
		description: "A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		success: { status: 200, description: 'The settings', schema: one('settings', SlaSettings) },
		errors: [403]
	},
	{
		method: 'put',
		path: '/api/v1/customers/{id}/sla-settings',
		operationId: 'updateSlaSettings',
		tag: 'itsm',
		summary: 'Replace the SLA settings (supplier admin); every ticket is recomputed',
		description: 'Targets in minutes of working time; calendar business (businessHours minus holidays) or 24x7. pauseStatuses are raw status names, a trailing * matches any ending.',
		body: 'SlaSettingsInput',
		success: { status: 200, description: 'The new settings', schema: one('settings', SlaSettings) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/kpis',
		operationId: 'getKpis',
		tag: 'itsm',
		summary: 'KPIs of a period with targets and traffic lights',
		description: "A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		query: PERIOD,
		success: { status: 200, description: 'The KPI report', schema: one('kpis', KpiReport) },
		errors: [400, 403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/kpi-targets',
		operationId: 'getKpiTargets',
		tag: 'itsm',
		summary: "The customer's KPI targets (the customer's own, then defaults)",
		description: "Green at or better than target, amber at or better than amber, red beyond. A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		success: { status: 200, description: 'Targets', schema: list('targets', KpiTarget) },
		errors: [403]
	},
	{
		method: 'put',
		path: '/api/v1/customers/{id}/kpi-targets',
		operationId: 'setKpiTargets',
		tag: 'itsm',
		summary: "Replace the customer's own KPI targets (supplier admin)",
		body: 'KpiTargetsInput',
		success: { status: 200, description: 'Targets now in force', schema: list('targets', KpiTarget) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/kpis',
		operationId: 'enterManualKpi',
		tag: 'itsm',
		summary: 'Enter a manual KPI value for a period (supplier staff, or the customer\'s admin)',
		body: 'ManualKpiInput',
		success: { status: 201, description: 'Stored (replaces a value of the same KPI and period)', schema: one('manualKpi', ManualKpi) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/api-tokens',
		operationId: 'listApiTokens',
		tag: 'itsm',
		summary: "The customer's API tokens (supplier admin); secrets are never shown again",
		success: { status: 200, description: 'Tokens', schema: list('tokens', ApiToken) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/api-tokens',
		operationId: 'createApiToken',
		tag: 'itsm',
		summary: 'Create an API token for this customer (supplier admin)',
		description:
			'The answer holds the secret, once. Send it as `Authorization: Bearer <secret>`. Scopes: `tickets:read` (tickets, SLA and KPIs), `tickets:write` (import and send tickets), `kb:read` (list, search and read the knowledge-base articles for every user), `governance:read` (governance health), `documents:read` / `documents:write` (the shared documents over /collab). A token does nothing else; a token created before a scope existed does not have it.',
		body: 'ApiTokenInput',
		success: { status: 201, description: 'Created', schema: z.strictObject({ token: ApiToken, secret: z.string() }) },
		errors: [403]
	},
	{
		method: 'delete',
		path: '/api/v1/customers/{id}/api-tokens/{tokenId}',
		operationId: 'revokeApiToken',
		tag: 'itsm',
		summary: 'Revoke an API token (supplier admin)',
		success: { status: 204, description: 'Revoked' },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/import-mappings',
		operationId: 'listImportMappings',
		tag: 'itsm',
		summary: 'Saved column mappings for the generic CSV preset',
		success: { status: 200, description: 'Mappings', schema: list('mappings', SavedMapping) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/import-mappings',
		operationId: 'saveImportMapping',
		tag: 'itsm',
		summary: 'Save a column mapping (by name; the same name replaces it)',
		body: 'MappingInput',
		success: { status: 201, description: 'Saved', schema: one('mapping', SavedMapping) },
		errors: [403]
	}
];
