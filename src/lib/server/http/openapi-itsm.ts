/**
 * Response schemas of the ITSM part of the OpenAPI document (tickets, import,
 * SLA, KPIs, API tokens, saved mappings), and the query parameters its route
 * descriptions share. The operations are described next to their routes
 * (an openapi.ts beside each src/routes/api/v1 route); openapi.ts assembles the document.
 */
import { z } from 'zod';
import { queryOf, timestamp, uuid } from './openapi-schemas';
import { PeriodQuery } from '../domain/itsm/period';
import { STATUS_CATEGORIES, TICKET_KINDS } from '../domain/itsm/ticket.types';
import { TOKEN_SCOPES, type TokenScope } from '../domain/policy';

const Outcome = z.enum(['met', 'breached', 'pending']).nullable();

export const Ticket = z.strictObject({
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

export const ImportReport = z.strictObject({
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
export const SlaReport = z.strictObject({
	period: Period,
	response: z.array(SlaRow),
	resolution: z.array(SlaRow),
	total: z.strictObject({ response: SlaRow, resolution: SlaRow }),
	sourceFlag: z.strictObject({ rows: z.array(SourceFlagRow), total: SourceFlagRow })
});
const Light = z.enum(['green', 'amber', 'red']).nullable();
export const KpiReport = z.strictObject({
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
export const ApiToken = z.strictObject({
	id: uuid(),
	customerId: uuid(),
	name: z.string(),
	scopes: z.array(z.enum(Object.keys(TOKEN_SCOPES) as [TokenScope, ...TokenScope[]])),
	createdAt: timestamp(),
	lastUsedAt: timestamp().nullable(),
	revokedAt: timestamp().nullable()
});
export const SavedMapping = z.strictObject({ id: uuid(), name: z.string(), mapping: z.looseObject({ columns: z.record(z.string(), z.unknown()) }) });
export const ManualKpi = z.strictObject({
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
export const SlaSettings = z.strictObject({
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

export const KpiTarget = z.strictObject({ kpi: z.string(), target: z.number(), amber: z.number(), higherIsBetter: z.boolean() });

export const ITSM_OUTPUT_SCHEMAS = { KpiTarget, SlaSettings, Ticket, ImportReport, SlaReport, KpiReport, ApiToken, SavedMapping, ManualKpi } satisfies Record<string, z.ZodType>;

/** The reporting period of the SLA and KPI queries (and the opening time of ticket lists). */
export const FROM_TO = {
	from: 'Start (inclusive): yyyy-mm-dd (Stockholm midnight) or ISO-8601; default twelve months before `to`',
	to: 'End (exclusive): yyyy-mm-dd or ISO-8601; default the start of next month'
};
export const FROM_TO_QUERY = queryOf(PeriodQuery, FROM_TO);
