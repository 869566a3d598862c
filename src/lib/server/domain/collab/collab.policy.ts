/**
 * Who may open a shared document, and whether to write or only read. Resolves
 * the document name to its forum and customer, then asks the one policy.
 *
 * Another customer's document is "not found" (as everywhere), so a connection
 * cannot probe which meeting ids exist.
 */
import type { Executor } from '$lib/server/db';
import { formatDocName, type DocName } from '$lib/realtime/doc-names';
import type { Meeting } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { findForumOwner, findOperationalForumOfCustomer } from '../governance/forums.repository';
import { LOCKED_STATES } from '../meeting-core/meeting-context';
import { isForumMember } from '../meeting-core/meeting-duties';
import { findMeeting } from '../meeting-core/meetings.repository';
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

/** A meeting's document, from the meeting row (read once by whoever asks). */
export function meetingDocument(meeting: Pick<Meeting, 'id' | 'forum_id' | 'customer_id' | 'status'>, kind: 'agenda' | 'minutes' | 'internal'): DocumentTarget {
	const parsed: DocName = { scope: 'meeting', id: meeting.id, kind };
	// Internal notes stay writable: they are the supplier's working notes, not the record.
	const locked = kind !== 'internal' && LOCKED_STATES.includes(meeting.status);
	return { name: formatDocName(parsed), parsed, customerId: meeting.customer_id, forumId: meeting.forum_id, meetingId: meeting.id, locked };
}

/** A forum's activity list. */
export function forumDocument(forum: { id: string; customer_id: string }): DocumentTarget {
	const parsed: DocName = { scope: 'forum', id: forum.id, kind: 'actions' };
	return { name: formatDocName(parsed), parsed, customerId: forum.customer_id, forumId: forum.id, meetingId: null, locked: false };
}

export async function resolveDocument(db: Executor, parsed: DocName): Promise<DocumentTarget> {
	if (parsed.scope === 'meeting') {
		const row = await findMeeting(db, parsed.id);
		if (!row) throw notFound('Document');
		return meetingDocument(row, parsed.kind);
	}
	if (parsed.scope === 'customer') {
		// The handbook belongs to the customer; the operational forum keeps it up to date, so its members write.
		const forum = await findOperationalForumOfCustomer(db, parsed.id);
		// without an operational forum there is nobody to keep it: no handbook yet
		if (!forum) throw notFound('Document');
		return { name: formatDocName(parsed), parsed, customerId: forum.customer_id, forumId: forum.id, meetingId: null, locked: false };
	}
	const row = await findForumOwner(db, parsed.id);
	if (!row) throw notFound('Document');
	return forumDocument(row);
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
	const forumMember = await isForumMember(db, target.forumId, actor.personId);
	const access = !target.locked && can(actor, 'document.write', { customerId: target.customerId, forumMember }) ? 'write' : 'read';
	return { target, access };
}
