/**
 * The outbox page (Utkorg): every notification mail, sent, waiting, kept
 * (no mail server configured) or dead (every attempt failed), each readable
 * exactly as its recipient gets it, and the dead or kept ones can be sent
 * again. Supplier admins see the installation's; a customer's admin only the
 * mails about their customer (another customer's mail answers 404).
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, notFound } from '../errors';
import { nowIso } from '../ids';
import { authorize } from '../policy';
import { parseInput } from '../validation';
import type { OutboxKind } from '../outbox/notification-kinds';
import type { OutboxStatus } from '../outbox/outbox.tables';
import { findOutboxRow, listMailRows, requeueRow, type OutboxRow } from '../outbox/outbox.repository';
import { carriesMinutesPdf, mailParts, recipientOf, type MailContext } from './outbox-mail';

export const OUTBOX_PAGE_SIZE = 50;
const STATUSES = ['pending', 'digest', 'sent', 'kept', 'dead'] as const satisfies readonly OutboxStatus[];

export const OutboxFilterInput = z.object({
	status: z.enum(STATUSES).optional(),
	/** created before this instant: the next page */
	before: z.string().datetime().optional()
});

export interface OutboxMailView {
	id: string;
	kind: OutboxKind;
	customerId: string | null;
	recipient: { name: string; email: string };
	subject: string;
	status: OutboxStatus;
	attempts: number;
	lastError: string | null;
	createdAt: string;
	sentAt: string | null;
	nextAttemptAt: string;
}

export interface OutboxMailPreview extends OutboxMailView {
	text: string;
	/** the HTML part's body, escaped when it was written: shown as is */
	htmlBody: string;
	calendar: string | null;
	attachments: string[];
}

async function view(db: Db, row: OutboxRow & { person_name: string; person_email: string }, ctx: MailContext): Promise<OutboxMailView> {
	const to = (await recipientOf(db, row.person_id)) ?? { name: row.person_name, email: row.person_email, locale: 'sv' as const };
	return {
		id: row.id,
		kind: row.kind,
		customerId: row.customer_id,
		recipient: { name: row.person_name, email: row.person_email },
		subject: mailParts(row, to, ctx).subject,
		status: row.status,
		attempts: row.attempts,
		lastError: row.last_error,
		createdAt: row.created_at,
		sentAt: row.sent_at,
		nextAttemptAt: row.next_attempt_at
	};
}

/** `customerId` null: the whole installation (supplier admins). */
export async function listOutbox(db: Db, actor: Actor, customerId: string | null, ctx: MailContext, input: unknown = {}): Promise<{ mails: OutboxMailView[]; next: string | null }> {
	authorize(actor, 'outbox.read', { customerId });
	const filter = parseInput(OutboxFilterInput, input);
	const rows = await listMailRows(db, {
		...(customerId !== null ? { customerId } : {}),
		...(filter.status ? { statuses: [filter.status] } : {}),
		before: filter.before,
		limit: OUTBOX_PAGE_SIZE + 1
	});
	const page = rows.slice(0, OUTBOX_PAGE_SIZE);
	return { mails: await Promise.all(page.map((r) => view(db, r, ctx))), next: rows.length > OUTBOX_PAGE_SIZE ? page[page.length - 1].created_at : null };
}

/** One mail as sent (or to be sent), in its recipient's language. */
async function readableRow(db: Db, actor: Actor, id: string, action: 'outbox.read' | 'outbox.resend'): Promise<OutboxRow> {
	const row = await findOutboxRow(db, id);
	if (!row || row.channel !== 'email') throw notFound('Mail');
	// installation-wide mails (no customer) are the supplier admin's only
	authorize(actor, action, { customerId: row.customer_id, kind: 'Mail' });
	return row;
}

export async function previewOutboxMail(db: Db, actor: Actor, id: string, ctx: MailContext): Promise<OutboxMailPreview> {
	const row = await readableRow(db, actor, id, 'outbox.read');
	const to = await recipientOf(db, row.person_id);
	if (!to) throw notFound('Mail');
	const mail = mailParts(row, to, ctx);
	// the mail's body inside the outbox page: its title becomes a section heading under the page's own h1
	const body = (/<body[^>]*>([\s\S]*)<\/body>/.exec(mail.html)?.[1] ?? '').replace(/<h1\b/g, '<h2').replace(/<\/h1>/g, '</h2>');
	const [listed] = await listMailRows(db, { limit: 1, ids: [row.id] });
	return {
		...(await view(db, listed, ctx)),
		text: mail.text,
		htmlBody: body,
		calendar: mail.calendar?.content ?? null,
		attachments: carriesMinutesPdf(row.kind) ? [to.locale === 'en' ? 'Approved minutes (PDF)' : 'Justerat protokoll (PDF)'] : []
	};
}

/** Queues a dead or kept mail again from its first attempt. */
export async function resendOutboxMail(db: Db, actor: Actor, id: string): Promise<void> {
	const row = await readableRow(db, actor, id, 'outbox.resend');
	await db.transaction().execute(async (tx) => {
		if (!(await requeueRow(tx, row.id, nowIso()))) throw conflict({ code: 'outbox.not_resendable' });
		await recordAudit(tx, actor, { action: 'outbox.resend', entity: 'notification', entityId: row.id, customerId: row.customer_id, after: { kind: row.kind, status: row.status } });
	});
}
