/**
 * Who may serve in a customer's forum (as a member or a duty holder): the
 * supplier's staff and that customer's own people. A check on input for the
 * services that have authorized the forum or meeting already.
 */
import type { Executor } from '$lib/server/db';
import { invalid } from '../errors';
import { findPerson } from '../tenancy/tenancy.repository';

/** The person, if they may serve in this customer's forums; invalid input otherwise (another customer's person answers like an unknown one). */
export async function personOfRelation(db: Executor, personId: string, customerId: string) {
	const person = await findPerson(db, personId);
	if (!person || (person.customer_id !== null && person.customer_id !== customerId)) {
		throw invalid('This person does not belong to the supplier or this customer', { personId: 'person.unknown' });
	}
	return person;
}
