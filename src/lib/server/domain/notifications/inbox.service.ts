/**
 * A person's bell: their in-app notifications, how many are unread, and
 * marking them read. Every function works on the actor's own rows only: an id
 * of someone else's notification is treated like an unknown one (nothing is
 * read, nothing changes, nothing tells it exists).
 *
 * What a notification says is written now, in the reader's language, from
 * the payload fixed when the event happened (compose-mail.ts, the same words
 * as the mail).
 */
import { z } from 'zod';
import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import { nowIso } from '../ids';
import { id, parseInput } from '../validation';
import { countUnread, listInboxRows, markRead } from '../outbox/outbox.repository';
import { composeMail } from './compose-mail';
import type { MailLocale } from './mail-labels';

export interface InboxItem {
	id: string;
	kind: string;
	/** one line, in the reader's language */
	headline: string;
	/** the page it is about, as a path of this app */
	href: string;
	createdAt: string;
	readAt: string | null;
}

export interface Inbox {
	items: InboxItem[];
	unread: number;
}

/** How many the bell's panel shows, and the most the full list shows. */
export const BELL_LIMIT = 8;
export const INBOX_MAX = 100;

export const InboxQuery = z.strictObject({
	limit: z.coerce.number().int().min(1).max(INBOX_MAX).default(30)
});

export const MarkReadInput = z
	.strictObject({
		/** these notifications (of the actor's own; others are ignored) */
		ids: z.array(id()).min(1).max(INBOX_MAX).optional(),
		/** or all of them */
		all: z.literal(true).optional()
	})
	.refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: 'field.required', path: ['ids'] });

/** The bell is a person's own: an API token (a customer's integration) has none. */
function person(actor: Actor): string {
	if (actor.token) throw forbidden('Notifications belong to a signed-in person');
	return actor.personId;
}

/** The actor's latest in-app notifications, newest first, with the unread count. */
export async function listInbox(db: Executor, actor: Actor, input: { limit?: unknown; locale: MailLocale }): Promise<Inbox> {
	const personId = person(actor);
	const { limit } = parseInput(InboxQuery, { limit: input.limit ?? undefined });
	const rows = await listInboxRows(db, personId, limit);
	const items = rows.map((r) => {
		const content = composeMail(r.kind, JSON.parse(r.payload), input.locale, '');
		return { id: r.id, kind: r.kind, headline: content.headline, href: content.link.href, createdAt: r.created_at, readAt: r.read_at };
	});
	return { items, unread: await countUnread(db, personId) };
}

export const unreadCount = (db: Executor, actor: Actor): Promise<number> => countUnread(db, person(actor));

/** Marks the given notifications of the actor's (or all of them) read; answers how many changed and how many stay unread. */
export async function markInboxRead(db: Executor, actor: Actor, input: unknown): Promise<{ marked: number; unread: number }> {
	const personId = person(actor);
	const { ids, all } = parseInput(MarkReadInput, input);
	const marked = await markRead(db, personId, nowIso(), all ? undefined : ids);
	return { marked, unread: await countUnread(db, personId) };
}

/** The unread counts of these people, for telling their open pages (the delivery worker's push). */
// no actor: internal: the bell's counts pushed to each signed-in person's own channel (room-server.ts), never to anyone else
export async function unreadCounts(db: Executor, personIds: readonly string[]): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (const personId of new Set(personIds)) counts.set(personId, await countUnread(db, personId));
	return counts;
}
