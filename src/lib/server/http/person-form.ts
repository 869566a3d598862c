import type { Db } from '../db';
import type { Actor } from '../domain/actor';
import { notFound } from '../domain/errors';
import { revokeInvitation, sendInvitation } from '../domain/accounts/invitations.service';
import { createPerson, getPerson, updatePerson } from '../domain/tenancy/people.service';

/**
 * The person forms (add, edit) as service input. Form fields are strings; the
 * edit form says with `accountControl` that it offered the "disable sign-in"
 * checkbox, so an unchecked box means "enabled" and an absent one "unchanged".
 */
export function personCreateInput(data: Record<string, string>) {
	return {
		name: data.name,
		email: data.email,
		phone: data.phone,
		title: data.title,
		access: data.access,
		password: data.password
	};
}

export function personUpdateInput(data: Record<string, string>) {
	return {
		name: data.name,
		email: data.email,
		phone: data.phone ?? '',
		title: data.title ?? '',
		// absent when the form did not offer it (one's own access is shown, not edited)
		...(data.access ? { access: data.access } : {}),
		...(data.password ? { password: data.password } : {}),
		...(data.accountControl ? { disabled: data.disabled === 'true' } : {})
	};
}

/**
 * The add form's action, on the admin page (`customerId` null: the supplier's
 * staff) and on a customer's page (that customer's people).
 */
export async function addPersonFromForm(db: Db, actor: Actor, customerId: string | null, data: Record<string, string>) {
	const person = await createPerson(db, actor, customerId, personCreateInput(data));
	// "send an invitation" (ticked by default): when no password was set, the person chooses one through a mailed link
	if (data.invite === 'true' && !data.password) await sendInvitation(db, actor, person.id);
	return { id: person.id, name: person.name };
}

/** The people page's invitation buttons: send (again) or revoke; only for the people that page lists. */
export async function invitationFromForm(db: Db, actor: Actor, customerId: string | null, data: Record<string, string>, revoke: boolean) {
	const personId = data.personId ?? '';
	if ((await getPerson(db, actor, personId)).customerId !== customerId) throw notFound('Person');
	if (revoke) await revokeInvitation(db, actor, personId);
	else await sendInvitation(db, actor, personId);
	return { personId };
}

/**
 * The edit form's action. A page edits only the people it lists (`customerId`
 * null: the supplier's staff); anyone else is "not found", even to an admin
 * who may edit them elsewhere.
 */
export async function updatePersonFromForm(db: Db, actor: Actor, customerId: string | null, data: Record<string, string>) {
	const personId = data.personId ?? '';
	if ((await getPerson(db, actor, personId)).customerId !== customerId) throw notFound('Person');
	const person = await updatePerson(db, actor, personId, personUpdateInput(data));
	return { id: person.id, name: person.name };
}
