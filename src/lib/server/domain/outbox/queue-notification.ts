/**
 * Queues a notification in the transaction of the event that causes it, so
 * an event is never recorded without its notifications nor the other way
 * round. Each recipient gets an in-app row (the bell) and, unless they chose
 * the bell only, a mail row: now, or held for their daily digest.
 *
 * A recipient of another customer than the event's is dropped here whatever
 * the caller passed: nobody hears of another customer's meetings.
 */
import { DateTime } from 'luxon';
import type { Executor } from '$lib/server/db';
import { newId } from '../ids';
import { DEFAULT_TIME_ZONE } from '../time';
import { deliveryMode, type NotificationKind } from './notification-kinds';
import { deliveryChoices, insertOutboxRows, type OutboxRow } from './outbox.repository';

export interface NotificationEvent {
	kind: NotificationKind;
	/** names this occurrence of the event (e.g. the meeting and its revision): the same key twice queues once */
	key: string;
	/** the customer the event belongs to; null for the supplier's own */
	customerId: string | null;
	/** what the mail and the bell say, fixed now: ids, titles, changes (JSON) */
	payload: Record<string, unknown>;
}

/** A row of the outbox as it is queued: what it is and when it is due; not tried, not leased, not sent, not read. */
export function newOutboxRow(
	fields: Pick<OutboxRow, 'idempotency_key' | 'kind' | 'customer_id' | 'person_id' | 'channel' | 'payload' | 'status' | 'next_attempt_at' | 'created_at'> & { id?: string }
): OutboxRow {
	return { id: newId(), attempts: 0, lease_owner: null, lease_until: null, last_error: null, sent_at: null, read_at: null, ...fields };
}

/** Digests go out at 07:00 Stockholm time, the next morning after the event. */
export const DIGEST_HOUR = 7;

export function nextDigestAt(now: Date): string {
	const local = DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE });
	let at = local.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
	if (at <= local) at = at.plus({ days: 1 });
	return at.toUTC().toISO()!;
}

export async function queueNotification(db: Executor, event: NotificationEvent, personIds: readonly string[], now = new Date()): Promise<number> {
	const recipients = await deliveryChoices(db, event.kind, [...new Set(personIds)]);
	const at = now.toISOString();
	const payload = JSON.stringify(event.payload);
	const rows: OutboxRow[] = [];
	const row = (personId: string, channel: OutboxRow['channel'], status: OutboxRow['status'], due: string): OutboxRow =>
		newOutboxRow({
			idempotency_key: `${event.key}:${personId}:${channel}`,
			kind: event.kind,
			customer_id: event.customerId,
			person_id: personId,
			channel,
			payload,
			status,
			next_attempt_at: due,
			created_at: at
		});
	for (const r of recipients) {
		if (r.customer_id !== null && r.customer_id !== event.customerId) continue;
		rows.push(row(r.person_id, 'inapp', 'pending', at));
		const mode = deliveryMode(event.kind, r.own ?? undefined, r.customer_default ?? undefined);
		if (mode === 'email') rows.push(row(r.person_id, 'email', 'pending', at));
		else if (mode === 'digest') rows.push(row(r.person_id, 'email', 'digest', nextDigestAt(now)));
	}
	await insertOutboxRows(db, rows);
	return rows.length;
}
