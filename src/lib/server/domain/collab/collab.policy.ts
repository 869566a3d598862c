/**
 * Who may open a shared document, and whether to write or only read. Resolves
 * the document name to its forum and customer, then asks the one policy.
 *
 * Another customer's document is "not found" (as everywhere), so a connection
 * cannot probe which meeting ids exist.
 */
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
}

export async function resolveDocument(db: Executor, parsed: DocName): Promise<DocumentTarget> {
	if (parsed.scope === 'meeting') {
		const row = await db.selectFrom('meetings').select(['id', 'forum_id', 'customer_id']).where('id', '=', parsed.id).executeTakeFirst();
		if (!row) throw notFound('Document');
		return { name: formatDocName(parsed), parsed, customerId: row.customer_id, forumId: row.forum_id, meetingId: row.id };
	}
	const row = await db.selectFrom('forums').select(['id', 'customer_id']).where('id', '=', parsed.id).executeTakeFirst();
	if (!row) throw notFound('Document');
	return { name: formatDocName(parsed), parsed, customerId: row.customer_id, forumId: row.id, meetingId: null };
}

/**
 * Throws not_found / forbidden unless the actor may at least read. Cheap
 * enough to run on every websocket upgrade: two indexed lookups.
 */
export async function documentAccess(db: Executor, actor: Actor, parsed: DocName): Promise<{ target: DocumentTarget; access: DocumentAccess }> {
	const target = await resolveDocument(db, parsed);
	authorize(actor, 'document.read', { customerId: target.customerId, kind: 'Document' });
	const member = await db
		.selectFrom('forum_members')
		.select('person_id')
		.where('forum_id', '=', target.forumId)
		.where('person_id', '=', actor.personId)
		.executeTakeFirst();
	const access = can(actor, 'document.write', { customerId: target.customerId, forumMember: member !== undefined }) ? 'write' : 'read';
	return { target, access };
}
