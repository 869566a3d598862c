/**
 * Sending a mail over SMTP with nodemailer. `SMTP_URL` names the relay
 * (smtp://user:pass@host:587, or smtps:// for TLS from the first byte);
 * nodemailer upgrades a plain connection with STARTTLS when the relay
 * offers it.
 */
import type nodemailer from 'nodemailer';
import { onFirstUse } from '$lib/server/on-first-use';

/** Loaded with the first transport: an installation without SMTP_URL never needs it. */
const mailer = onFirstUse<typeof nodemailer>('nodemailer');

export interface Mailbox {
	name: string;
	email: string;
}

export interface OutgoingMail {
	from: string;
	to: Mailbox;
	subject: string;
	text: string;
	html: string;
	/** stable per outbox row: a mail sent twice after a crash carries the same id, so it can be recognised as one */
	messageId: string;
	/** an iTIP calendar part (text/calendar; method=…), shown by mail programs as an invitation */
	calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
	attachments?: { filename: string; content: Uint8Array; contentType: string }[];
}

export interface MailTransport {
	send(mail: OutgoingMail): Promise<void>;
	close(): void;
}

export function smtpTransport(url: string): MailTransport {
	const transporter = mailer().createTransport(url);
	return {
		async send(mail) {
			await transporter.sendMail({
				from: mail.from,
				to: { name: mail.to.name, address: mail.to.email },
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				messageId: mail.messageId,
				icalEvent: mail.calendar ? { method: mail.calendar.method, content: mail.calendar.content } : undefined,
				attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType }))
			});
		},
		close: () => transporter.close()
	};
}
