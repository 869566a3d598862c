/**
 * Turns one outbox row into the mail its recipient gets: the words in their
 * language, the calendar part of a kallelse, the approved minutes as a PDF.
 * The outbox page shows the same mail, built by the same function.
 */
import type { Executor } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../actor';
import { meetingInvitation } from '../calendar/ics';
import type { ExportedFile } from '../exports/export-format';
import { exportMinutes } from '../exports/minutes-export.service';
import { isAccountMailKind, type OutboxKind } from '../outbox/notification-kinds';
import { withAccountLink, type AccountMailPayload } from '../outbox/account-mail-payload';
import type { InvitationPayload, MeetingSubject } from '../outbox/notification-payloads';
import { findMailLocale, type OutboxRow } from '../outbox/outbox.repository';
import { findPerson } from '../tenancy/tenancy.repository';
import { composeMail, type MailContent } from './compose-mail';
import { mailHtml, mailText } from './mail-layout';
import { mailLabels, type MailLocale } from './mail-labels';
import type { Mailbox, OutgoingMail } from './mail-transport';

export interface MailContext {
	/** the site's public origin, for links (a function: it may be known only once the server listens) */
	origin: () => string;
	/** MAIL_FROM, e.g. "Samverkan <samverkan@leverantoren.se>" */
	from: string;
}

const CALENDAR_KINDS: OutboxKind[] = ['meeting.invitation', 'meeting.updated', 'meeting.cancelled'];

/** The address in "Name <address>" or a bare address. */
export const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();

export const messageIdOf = (rowId: string, origin: string): string => `<${rowId}@${new URL(origin).hostname}>`;

/** Attachments already made in this round, by meeting and language. */
export type FileCache = Map<string, Promise<ExportedFile>>;

export interface Recipient extends Mailbox {
	locale: MailLocale;
}

export async function recipientOf(db: Executor, personId: string): Promise<Recipient | null> {
	const person = await findPerson(db, personId);
	if (!person) return null;
	return { name: person.name, email: person.email, locale: (await findMailLocale(db, personId)) ?? 'sv' };
}

function invitationCalendar(kind: OutboxKind, p: InvitationPayload, to: Recipient, from: string, origin: string): OutgoingMail['calendar'] {
	const method = kind === 'meeting.cancelled' ? 'CANCEL' : 'REQUEST';
	const content = meetingInvitation(
		{
			id: p.meetingId,
			title: p.title,
			forumName: to.locale === 'en' ? p.forumName.en || p.forumName.sv : p.forumName.sv,
			customerName: p.customerName,
			startsAt: p.startsAt,
			endsAt: p.endsAt,
			location: p.location,
			videoUrl: p.videoUrl,
			agendaTitles: p.agenda,
			createdAt: p.createdAt,
			updatedAt: p.updatedAt
		},
		{ origin, name: p.title, locale: to.locale, method, organizer: { name: 'Samverkan', email: addressOf(from) }, attendee: to }
	);
	return { method, content };
}

/**
 * The mail as its recipient reads it, without attachments: what the outbox
 * page shows. An account mail's one-time link is opened only to send it (`reveal`).
 */
export function mailParts(row: OutboxRow, to: Recipient, ctx: MailContext, reveal = false): OutgoingMail {
	const stored = JSON.parse(row.payload) as unknown;
	const payload = isAccountMailKind(row.kind) ? withAccountLink(stored as AccountMailPayload, reveal) : stored;
	const origin = ctx.origin();
	const content = composeMail(row.kind, payload, to.locale, origin);
	const mail: OutgoingMail = {
		from: ctx.from,
		to,
		subject: content.subject,
		text: mailText(content, to.locale),
		html: mailHtml(content, to.locale),
		messageId: messageIdOf(row.id, origin)
	};
	if (CALENDAR_KINDS.includes(row.kind)) mail.calendar = invitationCalendar(row.kind, payload as InvitationPayload, to, ctx.from, origin);
	return mail;
}

/** The kinds that carry the approved minutes as a PDF. */
export const carriesMinutesPdf = (kind: OutboxKind): boolean => kind === 'minutes.approved';

export async function outboxMail(db: Executor, row: OutboxRow, to: Recipient, ctx: MailContext, files: FileCache = new Map()): Promise<OutgoingMail> {
	const mail = mailParts(row, to, ctx, true);
	if (carriesMinutesPdf(row.kind)) {
		const meetingId = (JSON.parse(row.payload) as MeetingSubject).meetingId;
		const key = `${meetingId}:${to.locale}`;
		if (!files.has(key)) files.set(key, exportMinutes(db, SYSTEM_ACTOR, meetingId, 'pdf', to.locale));
		const file = await files.get(key)!;
		mail.attachments = [{ filename: file.fileName, content: file.body as Uint8Array, contentType: file.contentType }];
	}
	return mail;
}

/** One mail for a person's digest rows: each event's line and link. */
export function digestMail(rows: OutboxRow[], to: Recipient, ctx: MailContext): OutgoingMail {
	const l = mailLabels(to.locale);
	const origin = ctx.origin();
	const items: MailContent[] = rows.map((r) => composeMail(r.kind, JSON.parse(r.payload) as unknown, to.locale, origin));
	const content: MailContent = {
		subject: l.digestSubject(rows.length),
		headline: l.digestSubject(rows.length),
		paragraphs: [l.digestIntro],
		facts: [],
		lists: [{ title: '', items: items.map((c) => `${c.headline} — ${c.link.href}`) }],
		link: { label: l.open, href: origin }
	};
	return {
		from: ctx.from,
		to,
		subject: content.subject,
		text: mailText(content, to.locale),
		html: mailHtml(content, to.locale),
		// the digest's id follows its first row: sent again after a crash, it is recognisably the same
		messageId: messageIdOf(`digest-${rows[0].id}`, origin)
	};
}
