import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import { isSupplier, type Actor } from '../actor';
import { notFound } from '../errors';
import { authorize } from '../policy';
import { DEFAULT_TIME_ZONE } from '../time';
import { parseInput } from '../validation';
import { AUDIT_KINDS, auditActions, auditEvent, CUSTOMER_AUDIT_KINDS, type AuditKind } from './audit-events';
import { countAudit, isKnownCustomer, listAudit, type AuditQuery } from './audit.repository';

export interface AuditEntryView {
	id: string;
	at: string;
	actorId: string | null;
	actorName: string | null;
	customerId: string | null;
	action: string;
	entity: string;
	entityId: string;
	before: unknown;
	after: unknown;
}

/** An entry as the audit pages show it: with its kind and whether it is supplier-internal. */
export interface AuditPageEntry extends AuditEntryView {
	kind: AuditKind | null;
	/** not one of the customer's changes: only supplier admins see it */
	internal: boolean;
}

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

const date = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date')
	.refine((v) => DateTime.fromISO(v, { zone: DEFAULT_TIME_ZONE }).isValid, 'field.date');

/** The filters of the audit pages and GET /api/v1/audit; empty values mean "no filter", other parameters are ignored. */
export const AuditFilterInput = z
	.object({
		kind: z.enum(AUDIT_KINDS).optional(),
		from: date.optional(),
		to: date.optional(),
		page: z.coerce.number().int('field.whole_number').min(0).max(MAX_PAGE).optional()
	})
	.refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'field.not_before_from', path: ['to'] });
export type AuditFilter = z.output<typeof AuditFilterInput>;

/** Stockholm calendar days, both ends included: [from 00:00, the day after `to` 00:00). */
const dayStart = (d: string, plusDays = 0) => DateTime.fromISO(d, { zone: DEFAULT_TIME_ZONE }).plus({ days: plusDays }).toUTC().toISO()!;

function parseFilter(input: Record<string, unknown>): AuditFilter {
	// a form or query string sends '' for "any"
	const present = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ''));
	return parseInput(AuditFilterInput, present);
}

/**
 * Who may read which part of the log: a supplier admin everything (of one
 * customer, or of the installation when customerId is null); a customer's admin
 * only the customer's own changes of their own customer (audit-events.ts).
 * Another customer's id answers "not found", a member "forbidden".
 */
async function scope(db: Db, actor: Actor, customerId: string | null, filter: AuditFilter): Promise<AuditQuery> {
	authorize(actor, 'audit.read', { customerId, kind: 'Customer' });
	if (customerId && !(await isKnownCustomer(db, customerId))) throw notFound('Customer');
	const customerView = !isSupplier(actor);
	return {
		customerId,
		actions: customerView || filter.kind ? auditActions(filter.kind ? [filter.kind] : null, customerView) : undefined,
		from: filter.from ? dayStart(filter.from) : undefined,
		to: filter.to ? dayStart(filter.to, 1) : undefined
	};
}

const parseJson = (v: string | null): unknown => (v ? (JSON.parse(v) as unknown) : null);

function toView(r: Awaited<ReturnType<typeof listAudit>>[number]): AuditPageEntry {
	const event = auditEvent(r.action);
	return {
		id: r.id,
		at: r.at,
		actorId: r.actor_id,
		actorName: r.actor_name,
		customerId: r.customer_id,
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		before: parseJson(r.before),
		after: parseJson(r.after),
		kind: event?.kind ?? null,
		internal: !(event?.customer ?? false)
	};
}

/**
 * One page of the audit log (newest first) with the filters, for the admin
 * page (customerId null: the whole installation) and a customer's audit page.
 */
export async function auditPage(db: Db, actor: Actor, customerId: string | null, input: Record<string, unknown>) {
	authorize(actor, 'audit.read', { customerId, kind: 'Customer' });
	const filter = parseFilter(input);
	const q = await scope(db, actor, customerId, filter);
	const page = filter.page ?? 0;
	const [rows, total] = await Promise.all([listAudit(db, { ...q, limit: AUDIT_PAGE_SIZE, offset: page * AUDIT_PAGE_SIZE }), countAudit(db, q)]);
	return {
		entries: rows.map(toView),
		total,
		page,
		pageSize: AUDIT_PAGE_SIZE,
		filter: { kind: filter.kind ?? '', from: filter.from ?? '', to: filter.to ?? '' },
		/** the kinds this actor can filter by here */
		kinds: isSupplier(actor) ? [...AUDIT_KINDS] : CUSTOMER_AUDIT_KINDS
	};
}

/**
 * The audit log of one customer's relation (customerId), or of the whole
 * installation (null, supplier admins only), newest first, as the API shows it
 * (at most 200 entries).
 */
export async function listAuditEntries(db: Db, actor: Actor, customerId: string | null, input: Record<string, unknown> = {}): Promise<AuditEntryView[]> {
	authorize(actor, 'audit.read', { customerId, kind: 'Customer' });
	const { page: _p, ...filter } = parseFilter(input);
	const q = await scope(db, actor, customerId, filter);
	return (await listAudit(db, { ...q, limit: 200 })).map((r) => {
		const { kind: _k, internal: _i, ...entry } = toView(r);
		return entry;
	});
}
