/**
 * Password reset by e-mail: a one-time link, valid one hour. The request's
 * answer is the same whether or not the address has an account, and the same
 * work is done either way (the link's token is made, hashed and sealed, the
 * same rows are read, one transaction runs), so neither the answer nor its
 * time tells who has an account. Requests are limited per address and per IP
 * whether or not the address exists. Choosing the new password ends every
 * session of the person; they then sign in (with their second factor, if on).
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { DomainError } from '../errors';
import { email as emailField, parseInput } from '../validation';
import { accountMailPayload, queueAccountMail } from '../outbox/account-mail-payload';
import { accessChanged } from '../tenancy/access-events';
import { revokeAccountTokens } from '../tenancy/accounts.repository';
import type { LoginLimiter } from '../tenancy/login-limiter';
import { consumeLink, findUsableLink, issueLink, newLinkToken, tokenDigest } from '../tenancy/one-time-links';
import { hashPassword, NewPasswordInput } from '../tenancy/password';
import { deleteSessionsOf } from '../tenancy/sessions';
import { supplierName } from '../tenancy/supplier.service';
import { findCustomer, findLoginRow, findPerson, upsertAccountPassword } from '../tenancy/tenancy.repository';

export const RESET_VALID_MS = 3600 * 1000;
/** The request is answered no sooner than this, so the few writes of a real request do not show in its time. */
export const RESET_ANSWER_FLOOR_MS = 100;

const resetPath = (token: string) => `/login/reset/${token}`;

const RequestInput = z.object({ email: emailField() });

/**
 * Asks for a reset link. Answers nothing either way; throws only for bad
 * input (the same for every address) and when the limits are reached.
 */
// no actor: anyone may ask; the mail goes to the address's owner only
export async function requestPasswordReset(db: Db, limiter: LoginLimiter, input: unknown, ip: string, now = new Date()): Promise<void> {
	const { email } = parseInput(RequestInput, input);
	const started = Date.now();
	// counted per address (whoever asks) and per IP, before anything is looked up
	const wait = await limiter.retryAfterRequest(email, ip);
	if (wait > 0) throw new DomainError('rate_limited', `Too many requests. Try again in ${Math.ceil(wait / 60)} minutes.`);
	await limiter.recordRequest(email, ip);

	const token = newLinkToken();
	await db.transaction().execute(async (tx) => {
		const row = await findLoginRow(tx, email);
		const person = row && !row.disabled_at ? await findPerson(tx, row.id) : undefined;
		const organisation = person?.customer_id ? ((await findCustomer(tx, person.customer_id))?.name ?? '') : await supplierName(tx);
		if (!person) {
			// nobody to mail: the same work as for a real request (the token's digest, a sealed link,
			// the statements on the same tables), with nothing written
			tokenDigest(token);
			accountMailPayload(resetPath(token), { personName: '', organisation, expiresAt: now.toISOString() });
			await revokeAccountTokens(tx, '', 'reset', now.toISOString());
			await findUsableLink(tx, 'reset', token, now);
			return;
		}
		const link = await issueLink(tx, 'reset', person, null, RESET_VALID_MS, now, token);
		await queueAccountMail(tx, 'account.password_reset', person, resetPath(token), { personName: person.name, organisation, expiresAt: link.expiresAt }, now);
		const self: Actor = { personId: person.id, name: person.name, email: person.email, access: person.access, customerId: person.customer_id };
		await recordAudit(tx, self, { action: 'password.reset_request', entity: 'person', entityId: person.id, customerId: person.customer_id, after: { expiresAt: link.expiresAt } });
	});
	const rest = RESET_ANSWER_FLOOR_MS - (Date.now() - started);
	if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
}

/** The address a working reset link is for (the page says whose password is changed); null when the link does not work. */
// no actor: the link itself is the credential
export async function viewPasswordReset(db: Db, token: string, now = new Date()): Promise<{ email: string } | null> {
	const link = await findUsableLink(db, 'reset', token, now);
	const person = link && (await findPerson(db, link.person_id));
	return person ? { email: person.email } : null;
}

/**
 * Sets the new password with a working link, uses the link up, and ends every
 * session of the person (their open sockets close at once). Refused, changing
 * nothing, when the link was used, replaced or expired.
 */
// no actor: the link itself is the credential
export async function resetPassword(db: Db, token: string, input: unknown, now = new Date()): Promise<void> {
	const { password } = parseInput(NewPasswordInput, input);
	const passwordHash = await hashPassword(password);
	const personId = await db.transaction().execute(async (tx) => {
		const link = await consumeLink(tx, 'reset', token, now);
		const person = await findPerson(tx, link.person_id);
		if (!person) throw new DomainError('not_found', { code: 'account.link_not_valid' });
		await upsertAccountPassword(tx, person.id, passwordHash, now.toISOString());
		await revokeAccountTokens(tx, person.id, 'reset', now.toISOString());
		await deleteSessionsOf(tx, person.id);
		const self: Actor = { personId: person.id, name: person.name, email: person.email, access: person.access, customerId: person.customer_id };
		await recordAudit(tx, self, { action: 'password.reset', entity: 'person', entityId: person.id, customerId: person.customer_id, after: { password: 'changed' } });
		return person.id;
	});
	accessChanged({ kind: 'person', personId });
}
