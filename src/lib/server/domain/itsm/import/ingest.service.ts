/**
 * JSON ingest for integrations (POST /api/v1/customers/{id}/tickets): the same
 * upsert, SLA computation and report as a CSV import, one transaction per
 * request. Items are validated one by one so the report names every bad item.
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { notFound } from '../../errors';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { parseInput } from '../../validation';
import { CHANGE_OUTCOMES, CHANGE_TYPES, PRIORITIES, STATUS_CATEGORIES, TICKET_KINDS, type HistoryEntry, type TicketDraft } from '../ticket.types';
import { assemble } from './assemble';
import { dateParser, isValidZone, type DateParser } from './dates';
import type { ImportReport, RejectedRow } from './import-report';
import { commit } from './ticket-import.service';
import { statusCategory } from './normalize';

const str = (max = 200) => z.string().trim().max(max).nullish();
const when = z.string().trim().min(1).max(40).describe('ISO-8601; without an offset in timeZone');
const priority = z.union(PRIORITIES.map((p) => z.literal(p)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]]).nullish();

export const TicketInput = z.strictObject({
	number: z.string().trim().min(1).max(64),
	sourceId: str(64),
	kind: z.enum(TICKET_KINDS),
	title: str(500),
	status: z.string().trim().min(1).max(80).describe('the status as the source names it'),
	statusCategory: z.enum(STATUS_CATEGORIES).optional().describe('derived from status when left out'),
	priority,
	priorityRaw: str(80),
	impact: str(80),
	urgency: str(80),
	category: str(),
	service: str(),
	channel: str(80),
	assignmentGroup: str(),
	openedAt: when,
	firstResponseAt: when.nullish(),
	resolvedAt: when.nullish(),
	closedAt: when.nullish(),
	reopenCount: z.int().min(0).max(1000).optional(),
	reassignmentCount: z.int().min(0).max(1000).optional(),
	majorIncident: z.boolean().optional(),
	sourceSlaMet: z.boolean().nullish(),
	satisfaction: z.number().min(0).max(10).nullish(),
	changeType: z.enum(CHANGE_TYPES).nullish(),
	changeRisk: str(80),
	cabRequired: z.boolean().nullish(),
	plannedStart: when.nullish(),
	plannedEnd: when.nullish(),
	actualStart: when.nullish(),
	actualEnd: when.nullish(),
	changeOutcome: z.enum(CHANGE_OUTCOMES).nullish(),
	history: z
		.array(z.strictObject({ at: when, status: z.string().trim().min(1).max(80), statusCategory: z.enum(STATUS_CATEGORIES).optional(), priority }))
		.max(500)
		.optional()
});
export type TicketInput = z.infer<typeof TicketInput>;

export const IngestInput = z.strictObject({
	source: z
		.string()
		.trim()
		.regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'import.name_format')
		.default('api'),
	timeZone: z
		.string()
		.refine((v) => isValidZone(v), 'Not a known time zone')
		.default('Europe/Stockholm'),
	dryRun: z.boolean().optional(),
	tickets: z.array(z.unknown()).min(1).max(5000)
});

function toDraft(t: TicketInput, source: string, parse: DateParser, reasons: string[]): TicketDraft {
	const date = (field: string, v: string | null | undefined): number | null => {
		if (v === null || v === undefined) return null;
		const ms = parse(v);
		if (ms === null) reasons.push(`${field}: "${v}" is not an ISO-8601 date and time`);
		return ms;
	};
	const openedAt = date('openedAt', t.openedAt) ?? 0;
	const history: HistoryEntry[] = (t.history ?? []).map((h, i) => ({
		at: date(`history.${i}.at`, h.at) ?? 0,
		status: h.statusCategory ?? statusCategory(h.status),
		statusRaw: h.status,
		priority: (h.priority ?? null) as HistoryEntry['priority']
	}));
	return {
		source,
		sourceId: t.sourceId ?? null,
		number: t.number,
		kind: t.kind,
		title: t.title ?? null,
		statusRaw: t.status,
		status: t.statusCategory ?? statusCategory(t.status),
		priorityRaw: t.priorityRaw ?? (t.priority ? String(t.priority) : null),
		priority: (t.priority ?? null) as TicketDraft['priority'],
		impact: t.impact ?? null,
		urgency: t.urgency ?? null,
		category: t.category ?? null,
		service: t.service ?? null,
		channel: t.channel ?? null,
		assignmentGroup: t.assignmentGroup ?? null,
		openedAt,
		firstResponseAt: date('firstResponseAt', t.firstResponseAt),
		resolvedAt: date('resolvedAt', t.resolvedAt),
		closedAt: date('closedAt', t.closedAt),
		reopenCount: t.reopenCount ?? 0,
		reassignmentCount: t.reassignmentCount ?? 0,
		majorIncident: t.majorIncident ?? false,
		sourceSlaMet: t.sourceSlaMet ?? null,
		satisfaction: t.satisfaction ?? null,
		changeType: t.changeType ?? null,
		changeRisk: t.changeRisk ?? null,
		cabRequired: t.cabRequired ?? null,
		plannedStart: date('plannedStart', t.plannedStart),
		plannedEnd: date('plannedEnd', t.plannedEnd),
		actualStart: date('actualStart', t.actualStart),
		actualEnd: date('actualEnd', t.actualEnd),
		changeOutcome: t.changeOutcome ?? null,
		history
	};
}

export async function ingestTickets(db: Db, actor: Actor, customerId: string, input: unknown): Promise<ImportReport> {
	authorize(actor, 'ticket.import', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const started = Date.now();
	const o = parseInput(IngestInput, input);
	const parse = dateParser('ymd', o.timeZone);
	const rejectedRows: RejectedRow[] = [];
	const drafts: TicketDraft[] = [];
	o.tickets.forEach((item, i) => {
		const r = TicketInput.safeParse(item);
		if (!r.success) {
			rejectedRows.push({ row: i + 1, reasons: r.error.issues.map((x) => `${x.path.join('.') || 'ticket'}: ${x.message}`) });
			return;
		}
		const reasons: string[] = [];
		const d = toDraft(r.data, o.source, parse, reasons);
		if (reasons.length) rejectedRows.push({ row: i + 1, reasons });
		else drafts.push(d);
	});
	const report: ImportReport = {
		status: 'rejected',
		importId: null,
		preset: 'json',
		source: o.source,
		rowsRead: o.tickets.length,
		tickets: 0,
		created: 0,
		updated: 0,
		unchanged: 0,
		rejected: rejectedRows.length,
		errors: [],
		rejectedRows,
		ignoredColumns: [],
		durationMs: 0
	};
	if (rejectedRows.length) return { ...report, durationMs: Date.now() - started };
	// several items with the same number are versions of one ticket (the last wins, the rest is history)
	const lastOf = new Map(drafts.map((d) => [d.number, d]));
	const assembled = await assemble(drafts.map((d, i) => ({ row: i + 1, seq: i, version: null, eventAt: null, ticket: d })));
	const tickets = assembled.map((a) => {
		const last = lastOf.get(a.draft.number)!;
		return last.history.length ? { ...a.draft, history: last.history } : a.draft;
	});
	return commit(db, actor, customerId, tickets, report, null, o.dryRun ?? false, started);
}
