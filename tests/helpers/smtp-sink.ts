/**
 * A real SMTP server in the test process (the `smtp-server` package) that
 * keeps every mail it accepts, parsed with `mailparser`: what a recipient's
 * mail server would get from Samverkan, headers, parts and attachments.
 *
 * `refuse` makes it answer a recipient with a permanent error (a relay that
 * rejects the address); `hold` keeps a mail's DATA unanswered until
 * `release()`, so a test can kill the sender while the relay has not yet
 * accepted the mail.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
	to: string;
	envelopeTo: string[];
	parsed: ParsedMail;
	raw: string;
}

export interface SmtpSink {
	url: string;
	port: number;
	mails: ReceivedMail[];
	/** recipients (lower case) the relay refuses */
	refuse: Set<string>;
	hold(on: boolean): void;
	/** mails whose DATA arrived while holding, not yet answered */
	held(): number;
	/** connections from senders still open */
	openSessions(): number;
	mailsTo(address: string): ReceivedMail[];
	waitFor(predicate: (mails: ReceivedMail[]) => boolean, what: string, timeoutMs?: number): Promise<ReceivedMail[]>;
	close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const mails: ReceivedMail[] = [];
	const refuse = new Set<string>();
	let holding = false;
	const waiting: (() => void)[] = [];
	// sessions whose sender hung up (or was killed): a held mail of theirs was never accepted
	const closed = new Set<string>();
	const open = new Set<string>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onConnect(session, callback) {
			open.add(session.id);
			callback();
		},
		onClose(session) {
			open.delete(session.id);
			closed.add(session.id);
		},
		onRcptTo(address, _session, callback) {
			if (refuse.has(address.address.toLowerCase())) {
				const err = new Error('mailbox unavailable') as Error & { responseCode: number };
				err.responseCode = 550;
				return callback(err);
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', async () => {
				const accept = async () => {
					if (closed.has(session.id)) return;
					const raw = Buffer.concat(chunks).toString('utf8');
					const parsed = await simpleParser(raw);
					const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
					for (const to of envelopeTo) mails.push({ to, envelopeTo, parsed, raw });
					callback();
				};
				if (holding) waiting.push(() => void accept());
				else await accept();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		port,
		mails,
		refuse,
		hold(on) {
			holding = on;
			if (!on) for (const release of waiting.splice(0)) release();
		},
		held: () => waiting.length,
		openSessions: () => open.size,
		mailsTo: (address) => mails.filter((m) => m.to === address.toLowerCase()),
		async waitFor(predicate, what, timeoutMs = 15_000) {
			const start = Date.now();
			while (!predicate(mails)) {
				if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; got ${mails.length} mails: ${mails.map((m) => `${m.to}: ${m.parsed.subject}`).join('; ')}`);
				await new Promise((r) => setTimeout(r, 100));
			}
			return mails;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
