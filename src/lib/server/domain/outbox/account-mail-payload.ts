/**
 * The mails about a person's own account (an invitation, a password reset)
 * carry a one-time link. The outbox row holds the link only sealed
 * (crypto/secret-box.ts): it is opened when the mail is sent, and the outbox
 * page shows the mail with the link withheld, so nobody who reads the outbox
 * (or a copy of the database) can use another person's link.
 *
 * They are queued here as one mail row, without a bell row and whatever the
 * person chose for notifications: they must reach the person by mail.
 */
import { secretBox, type SecretBox } from '$lib/server/crypto/secret-box';
import type { Executor } from '$lib/server/db';
import { newId } from '../ids';
import type { AccountMailKind } from './notification-kinds';
import { insertOutboxRows } from './outbox.repository';
import { newOutboxRow } from './queue-notification';

const PURPOSE = 'account-mail-link';

export interface AccountMailPayload {
	/** the link's path with its token, sealed */
	sealedPath: string;
	/** the path opened for sending; never stored */
	path?: string | null;
	personName: string;
	/** who invited them (invitations) */
	invitedBy?: string;
	/** the organisation they join: their customer, or the supplier */
	organisation: string;
	expiresAt: string;
}

export function accountMailPayload(path: string, fields: Omit<AccountMailPayload, 'sealedPath' | 'path'>): AccountMailPayload {
	return { ...fields, sealedPath: secretBox().seal(path, PURPOSE) };
}

/** The payload with its link sealed anew by `box` (key rotation), or null when the box cannot open it. */
export function resealAccountLink(payload: AccountMailPayload, box: SecretBox): AccountMailPayload | null {
	const sealedPath = box.reseal(payload.sealedPath, PURPOSE);
	return sealedPath === null ? null : { ...payload, sealedPath };
}

/** The payload with its link opened (to send) or withheld (to show in the outbox). */
export function withAccountLink(payload: AccountMailPayload, reveal: boolean): AccountMailPayload {
	return { ...payload, path: reveal ? secretBox().open(payload.sealedPath, PURPOSE) : null };
}


/** Queues the mail (in the caller's transaction): one mail row, due now. */
export async function queueAccountMail(
	tx: Executor,
	kind: AccountMailKind,
	person: { id: string; customer_id: string | null },
	path: string,
	fields: Omit<AccountMailPayload, 'sealedPath' | 'path'>,
	now: Date
): Promise<void> {
	const at = now.toISOString();
	const id = newId();
	await insertOutboxRows(tx, [
		newOutboxRow({
			id,
			idempotency_key: `${kind}:${id}`,
			kind,
			customer_id: person.customer_id,
			person_id: person.id,
			channel: 'email',
			payload: JSON.stringify(accountMailPayload(path, fields)),
			status: 'pending',
			next_attempt_at: at,
			created_at: at
		})
	]);
}
