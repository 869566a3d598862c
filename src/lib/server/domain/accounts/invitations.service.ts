/**
 * Invitations: an admin (the supplier's for anyone, a customer's for their own
 * people: policy 'person.manage') asks Samverkan to mail a person a one-time
 * link, valid 7 days, where they choose their password and are signed in.
 * Sending again replaces the earlier link; revoking ends it. Only people who
 * cannot sign in yet are invited. Everything is audited.
 */
import type { Db, Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { DomainError, notFound } from '../errors';
import { parseInput } from '../validation';
import { authorize } from '../policy';
import { queueAccountMail } from '../outbox/account-mail-payload';
import { listPendingInvitationRows, revokeAccountTokens } from '../tenancy/accounts.repository';
import { consumeLink, findUsableLink, issueLink } from '../tenancy/one-time-links';
import { hashPassword, NewPasswordInput } from '../tenancy/password';
import { createSession } from '../tenancy/sessions';
import { supplierName } from '../tenancy/supplier.service';
import { findCustomer, findPerson, findPersonWithAccount, setAccountLastLogin, upsertAccountPassword } from '../tenancy/tenancy.repository';

export const INVITATION_VALID_MS = 7 * 24 * 3600 * 1000;

const invitationPath = (token: string) => `/invite/${token}`;

async function organisationOf(db: Executor, customerId: string | null): Promise<string> {
	return customerId ? ((await findCustomer(db, customerId))?.name ?? '') : supplierName(db);
}

/** The person an admin may invite: theirs to manage, not yet able to sign in. */
async function invitable(db: Executor, actor: Actor, personId: string) {
	const person = await findPersonWithAccount(db, personId);
	if (!person) throw notFound('Person');
	authorize(actor, 'person.manage', { customerId: person.customer_id, personCustomerId: person.customer_id, kind: 'Person' });
	if (person.has_account && !person.disabled_at) throw new DomainError('conflict', { code: 'account.has_login' });
	if (person.disabled_at) throw new DomainError('conflict', { code: 'account.disabled' });
	return person;
}

/** Mails the person a new invitation (an earlier one stops working). */
export async function sendInvitation(db: Db, actor: Actor, personId: string, now = new Date()): Promise<{ expiresAt: string }> {
	return db.transaction().execute(async (tx) => {
		const person = await invitable(tx, actor, personId);
		const link = await issueLink(tx, 'invitation', person, actor.personId, INVITATION_VALID_MS, now);
		await queueAccountMail(tx, 'account.invitation', person, invitationPath(link.token), { personName: person.name, invitedBy: actor.name, organisation: await organisationOf(tx, person.customer_id), expiresAt: link.expiresAt }, now);
		await recordAudit(tx, actor, {
			action: 'invitation.send',
			entity: 'person',
			entityId: person.id,
			customerId: person.customer_id,
			after: { email: person.email, expiresAt: link.expiresAt, ...(link.replaced ? { status: 'resent' } : {}) }
		});
		return { expiresAt: link.expiresAt };
	});
}

/** Ends the person's pending invitation; its link stops working. */
export async function revokeInvitation(db: Db, actor: Actor, personId: string, now = new Date()): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const person = await findPerson(tx, personId);
		if (!person) throw notFound('Person');
		authorize(actor, 'person.manage', { customerId: person.customer_id, personCustomerId: person.customer_id, kind: 'Person' });
		if (!(await revokeAccountTokens(tx, person.id, 'invitation', now.toISOString()))) throw notFound('Invitation');
		await recordAudit(tx, actor, { action: 'invitation.revoke', entity: 'person', entityId: person.id, customerId: person.customer_id, before: { email: person.email } });
	});
}

export interface PendingInvitation {
	personId: string;
	name: string;
	email: string;
	sentAt: string;
	expiresAt: string;
	invitedBy: string | null;
}

/** The invitations waiting for a customer's people (null: the supplier's staff): for who may manage them. */
export async function listPendingInvitations(db: Db, actor: Actor, customerId: string | null, now = new Date()): Promise<PendingInvitation[]> {
	authorize(actor, 'person.manage', { customerId, personCustomerId: customerId, kind: 'Customer' });
	if (customerId && !(await findCustomer(db, customerId))) throw notFound('Customer');
	const rows = await listPendingInvitationRows(db, customerId, now.toISOString());
	return rows.map((r) => ({ personId: r.person_id, name: r.name, email: r.email, sentAt: r.created_at, expiresAt: r.expires_at, invitedBy: r.invited_by }));
}

export interface InvitationView {
	name: string;
	email: string;
	organisation: string;
	expiresAt: string;
	/**
	 * Hook for the OpenID Connect half of issue 17: when the person's
	 * organisation has its own identity provider, the link page also offers
	 * "sign in with your organisation's provider" (a link to start that
	 * sign-in). Null until OIDC fills it in (see /invite/[token]).
	 */
	provider: { name: string; href: string } | null;
}

/** What the link page shows; null for a link that does not work. */
// no actor: the link itself is the credential (whoever holds it may see whom it invites)
export async function viewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView | null> {
	const link = await findUsableLink(db, 'invitation', token, now);
	const person = link && (await findPerson(db, link.person_id));
	if (!link || !person) return null;
	return { name: person.name, email: person.email, organisation: await organisationOf(db, person.customer_id), expiresAt: link.expires_at, provider: null };
}


/**
 * Accepts the invitation: sets the person's password, uses the link up and
 * signs them in (a new session). A link used, replaced, revoked or expired is
 * refused and nothing changes.
 */
// no actor: the link itself is the credential
export async function acceptInvitation(db: Db, token: string, input: unknown, userAgent: string | null, now = new Date()) {
	const { password } = parseInput(NewPasswordInput, input);
	const passwordHash = await hashPassword(password);
	const person = await db.transaction().execute(async (tx) => {
		const link = await consumeLink(tx, 'invitation', token, now);
		const person = await findPersonWithAccount(tx, link.person_id);
		if (!person || person.disabled_at) throw new DomainError('not_found', { code: 'account.link_not_valid' });
		await upsertAccountPassword(tx, person.id, passwordHash, now.toISOString());
		const self: Actor = { personId: person.id, name: person.name, email: person.email, access: person.access, customerId: person.customer_id };
		await recordAudit(tx, self, { action: 'invitation.accept', entity: 'person', entityId: person.id, customerId: person.customer_id, after: { account: true } });
		return person;
	});
	await setAccountLastLogin(db, person.id, now.toISOString());
	return createSession(db, person.id, now, { userAgent });
}
