/**
 * The notification outbox's rows: queued in the event's transaction, claimed
 * with a lease by one delivery worker at a time, and marked as delivered,
 * retried later, or dead.
 */
import type { Executor } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import type { DeliveryMode, NotificationOutboxTable, OutboxChannel, OutboxStatus } from './outbox.tables';
import type { NotificationKind } from './notification-kinds';

export type OutboxRow = NotificationOutboxTable;

/** Queues rows; a row whose idempotency key is already queued is skipped (the same event recorded twice). */
export async function insertOutboxRows(db: Executor, rows: OutboxRow[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('notification_outbox')
		.values(rows)
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.execute();
}

/** The recipients' own choices and their customers' defaults for one kind. */
export async function deliveryChoices(
	db: Executor,
	kind: NotificationKind,
	personIds: string[]
): Promise<{ person_id: string; customer_id: string | null; own: DeliveryMode | null; customer_default: DeliveryMode | null }[]> {
	if (personIds.length === 0) return [];
	return db
		.selectFrom('people')
		.leftJoin('notification_preferences as p', (j) => j.onRef('p.person_id', '=', 'people.id').on('p.kind', '=', kind))
		.leftJoin('notification_defaults as d', (j) => j.onRef('d.customer_id', '=', 'people.customer_id').on('d.kind', '=', kind))
		.select(['people.id as person_id', 'people.customer_id', 'p.mode as own', 'd.mode as customer_default'])
		.where('people.id', 'in', personIds)
		.execute();
}

/**
 * Takes up to `limit` due rows of `statuses` for `owner` until `leaseUntil`:
 * rows another worker holds a live lease on are skipped, so two instances
 * never deliver the same row. PostgreSQL skips locked rows instead of waiting
 * (FOR UPDATE SKIP LOCKED); SQLite has one writer, so the update is atomic.
 */
export async function claimDueRows(
	db: Executor,
	q: { owner: string; now: string; leaseUntil: string; limit: number; statuses: OutboxStatus[]; channel?: OutboxChannel }
): Promise<OutboxRow[]> {
	let due = db
		.selectFrom('notification_outbox')
		.select('id')
		.where('status', 'in', q.statuses)
		.where('next_attempt_at', '<=', q.now)
		.where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', q.now)]))
		.orderBy('next_attempt_at')
		.limit(q.limit);
	if (q.channel) due = due.where('channel', '=', q.channel);
	if (dialectOf(db) === 'postgres') due = due.forUpdate().skipLocked();
	return db
		.updateTable('notification_outbox')
		.set({ lease_owner: q.owner, lease_until: q.leaseUntil })
		.where('id', 'in', due)
		.returningAll()
		.execute();
}

/** Ends a claim: only the lease's holder may, so a worker whose lease ran out cannot overwrite another's result. */
export async function finishClaim(
	db: Executor,
	id: string,
	owner: string,
	values: Partial<Pick<OutboxRow, 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'sent_at'>>
): Promise<boolean> {
	const res = await db
		.updateTable('notification_outbox')
		.set({ ...values, lease_owner: null, lease_until: null })
		.where('id', '=', id)
		.where('lease_owner', '=', owner)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export const findOutboxRow = (db: Executor, id: string): Promise<OutboxRow | undefined> =>
	db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirst();

/** A dead (or kept) mail queued again from the start, by an admin. */
export async function requeueRow(db: Executor, id: string, now: string): Promise<boolean> {
	const res = await db
		.updateTable('notification_outbox')
		.set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, lease_owner: null, lease_until: null })
		.where('id', '=', id)
		.where('channel', '=', 'email')
		.where('status', 'in', ['dead', 'kept'])
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** The mails of the outbox page, newest first; `customerId` limits them to one customer's. */
export function listMailRows(
	db: Executor,
	q: { customerId?: string | null; statuses?: OutboxStatus[]; limit: number; before?: string; ids?: string[] }
): Promise<(OutboxRow & { person_name: string; person_email: string })[]> {
	let query = db
		.selectFrom('notification_outbox')
		.innerJoin('people', 'people.id', 'notification_outbox.person_id')
		.selectAll('notification_outbox')
		.select(['people.name as person_name', 'people.email as person_email'])
		.where('channel', '=', 'email')
		.orderBy('notification_outbox.created_at', 'desc')
		.orderBy('notification_outbox.id', 'desc')
		.limit(q.limit);
	if (q.customerId !== undefined) query = q.customerId === null ? query.where('notification_outbox.customer_id', 'is', null) : query.where('notification_outbox.customer_id', '=', q.customerId);
	if (q.statuses?.length) query = query.where('status', 'in', q.statuses);
	if (q.before) query = query.where('notification_outbox.created_at', '<', q.before);
	if (q.ids) query = query.where('notification_outbox.id', 'in', q.ids);
	return query.execute();
}

/** A person's bell: their in-app notifications, newest first. */
export const listInboxRows = (db: Executor, personId: string, limit: number): Promise<OutboxRow[]> =>
	db
		.selectFrom('notification_outbox')
		.selectAll()
		.where('person_id', '=', personId)
		.where('channel', '=', 'inapp')
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();

export async function countUnread(db: Executor, personId: string): Promise<number> {
	const row = await db
		.selectFrom('notification_outbox')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.where('person_id', '=', personId)
		.where('channel', '=', 'inapp')
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Marks a person's in-app notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(db: Executor, personId: string, at: string, ids?: string[]): Promise<number> {
	let q = db.updateTable('notification_outbox').set({ read_at: at }).where('person_id', '=', personId).where('channel', '=', 'inapp').where('read_at', 'is', null);
	if (ids) {
		if (ids.length === 0) return 0;
		q = q.where('id', 'in', ids);
	}
	return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export const findMailLocale = async (db: Executor, personId: string): Promise<'sv' | 'en' | undefined> =>
	(await db.selectFrom('notification_settings').select('locale').where('person_id', '=', personId).executeTakeFirst())?.locale;

export async function saveMailLocale(db: Executor, personId: string, locale: 'sv' | 'en', at: string): Promise<void> {
	await db
		.insertInto('notification_settings')
		.values({ person_id: personId, locale, updated_at: at })
		.onConflict((oc) => oc.column('person_id').doUpdateSet({ locale, updated_at: at }))
		.execute();
}

export const listOwnChoices = (db: Executor, personId: string) =>
	db.selectFrom('notification_preferences').select(['kind', 'mode']).where('person_id', '=', personId).execute();

export const listCustomerDefaults = (db: Executor, customerId: string) =>
	db.selectFrom('notification_defaults').select(['kind', 'mode']).where('customer_id', '=', customerId).execute();

export async function saveOwnChoice(db: Executor, personId: string, kind: NotificationKind, mode: DeliveryMode | null, at: string): Promise<void> {
	if (mode === null) {
		await db.deleteFrom('notification_preferences').where('person_id', '=', personId).where('kind', '=', kind).execute();
		return;
	}
	await db
		.insertInto('notification_preferences')
		.values({ person_id: personId, kind, mode, updated_at: at })
		.onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ mode, updated_at: at }))
		.execute();
}

export async function saveCustomerDefault(db: Executor, customerId: string, kind: NotificationKind, mode: DeliveryMode | null, by: string, at: string): Promise<void> {
	if (mode === null) {
		await db.deleteFrom('notification_defaults').where('customer_id', '=', customerId).where('kind', '=', kind).execute();
		return;
	}
	await db
		.insertInto('notification_defaults')
		.values({ customer_id: customerId, kind, mode, updated_by: by, updated_at: at })
		.onConflict((oc) => oc.columns(['customer_id', 'kind']).doUpdateSet({ mode, updated_by: by, updated_at: at }))
		.execute();
}
