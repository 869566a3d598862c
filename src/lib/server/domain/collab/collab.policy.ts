/**
 * Who may open a shared document, and whether to write or only read. Resolves
 * the document name to its forum and customer, then asks the one policy.
 *
 * Another customer's document is "not found" (as everywhere), so a connection
 * cannot probe which meeting ids exist.
 */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import { formatDocName, type DocName } from '$lib/realtime/doc-names';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { authorize, can } from '../policy';

export type DocumentAccess = 'read' | 'write';

/** What a document belongs to: enough to authorize it and to seed it. */
export interface DocumentTarget {
	name: string;
	parsed: DocName;
	customerId: string;
	forumId: string;
	/** for meeting documents */
	meetingId: string | null;
	/**
	 * Read-only for everyone: the agenda and minutes of a meeting whose minutes
	 * are approved (justerat). Corrections go into a dated addendum instead.
	 */
	locked: boolean;
}

/** Meeting states in which the agenda and the minutes can no longer change. */
export const LOCKED_STATES: readonly string[] = ['minutes_approved', 'confirmed'];

export async function resolveDocument(db: Executor, parsed: DocName): Promise<DocumentTarget> {
	if (parsed.scope === 'meeting') {
		const row = await db.selectFrom('meetings').select(['id', 'forum_id', 'customer_id', 'status']).where('id', '=', parsed.id).executeTakeFirst();
		if (!row) throw notFound('Document');
		// Internal notes stay writable: they are the supplier's working notes, not the record.
		const locked = parsed.kind !== 'internal' && LOCKED_STATES.includes(row.status);
		return { name: formatDocName(parsed), parsed, customerId: row.customer_id, forumId: row.forum_id, meetingId: row.id, locked };
	}
	if (parsed.scope === 'customer') {
		// The handbook belongs to the customer; the operational forum keeps it up to date, so its members write.
		const forum = await db
			.selectFrom('forums as f')
			.leftJoin('forum_templates as t', 't.id', 'f.template_id')
			.select(['f.id', 'f.customer_id'])
			.where('f.customer_id', '=', parsed.id)
			.where('f.level', '=', 'operational')
			.orderBy(sql`t.key = 'operational'`, 'desc')
			.orderBy('f.sort_order')
			.executeTakeFirst();
		// without an operational forum there is nobody to keep it: no handbook yet
		if (!forum) throw notFound('Document');
		return { name: formatDocName(parsed), parsed, customerId: forum.customer_id, forumId: forum.id, meetingId: null, locked: false };
	}
	const row = await db.selectFrom('forums').select(['id', 'customer_id']).where('id', '=', parsed.id).executeTakeFirst();
	if (!row) throw notFound('Document');
	return { name: formatDocName(parsed), parsed, customerId: row.customer_id, forumId: row.id, meetingId: null, locked: false };
}

/**
 * Throws not_found / forbidden unless the actor may at least read. Cheap
 * enough to run on every websocket upgrade: two indexed lookups.
 */
export async function documentAccess(db: Executor, actor: Actor, parsed: DocName): Promise<{ target: DocumentTarget; access: DocumentAccess }> {
	const target = await resolveDocument(db, parsed);
	authorize(actor, 'document.read', { customerId: target.customerId, kind: 'Document' });
	// Supplier-internal notes: a customer's people never open them, whatever else they may.
	if (parsed.kind === 'internal') authorize(actor, 'meeting.internal', { customerId: target.customerId, kind: 'Document' });
	const member = await db
		.selectFrom('forum_members')
		.select('person_id')
		.where('forum_id', '=', target.forumId)
		.where('person_id', '=', actor.personId)
		.executeTakeFirst();
	const access = !target.locked && can(actor, 'document.write', { customerId: target.customerId, forumMember: member !== undefined }) ? 'write' : 'read';
	return { target, access };
}
