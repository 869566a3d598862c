/** The CAB's votes (polls and ballots) and the changes it decides on. Queries only, `db` first. */
import type { Executor } from '$lib/server/db';
import type { CabPollsTable, CabVotesTable } from '$lib/server/db/room-schema';
import type { Updateable } from 'kysely';

/** The customer's changes that need the CAB, planned to start in [from, to), soonest first. */
export const listCabChangeRows = (db: Executor, customerId: string, from: string, to: string) =>
	db
		.selectFrom('tickets')
		.select(['id', 'number', 'title', 'change_type', 'change_risk', 'planned_start'])
		.where('customer_id', '=', customerId)
		.where('kind', '=', 'change')
		.where('cab_required', '=', 1)
		.where('planned_start', '>=', from)
		.where('planned_start', '<', to)
		.orderBy('planned_start')
		.limit(20)
		.execute();

/** A change ticket of this customer (another customer's or no change: undefined). */
export const findChangeOfCustomer = (db: Executor, customerId: string, changeId: string) =>
	db.selectFrom('tickets').select(['id', 'number', 'title']).where('id', '=', changeId).where('customer_id', '=', customerId).where('kind', '=', 'change').executeTakeFirst();

export const findPoll = (db: Executor, meetingId: string, changeId: string) =>
	db.selectFrom('cab_polls').select('status').where('meeting_id', '=', meetingId).where('ticket_id', '=', changeId).executeTakeFirst();

/** Opens the vote on a change, or opens it again from the start. */
export async function openPoll(db: Executor, p: { meetingId: string; changeId: string; by: string; at: string }): Promise<void> {
	await db
		.insertInto('cab_polls')
		.values({ meeting_id: p.meetingId, ticket_id: p.changeId, status: 'open', opened_by: p.by, opened_at: p.at })
		.onConflict((oc) =>
			oc.columns(['meeting_id', 'ticket_id']).doUpdateSet({
				status: 'open',
				opened_by: p.by,
				opened_at: p.at,
				closed_by: null,
				closed_at: null,
				approve: 0,
				reject: 0,
				abstain: 0,
				quorum_met: null,
				recommendation: null,
				rationale: ''
			})
		)
		.execute();
}

export async function closePoll(db: Executor, meetingId: string, changeId: string, values: Updateable<CabPollsTable>): Promise<void> {
	await db.updateTable('cab_polls').set(values).where('meeting_id', '=', meetingId).where('ticket_id', '=', changeId).execute();
}

export async function deleteBallots(db: Executor, meetingId: string, changeId: string): Promise<void> {
	await db.deleteFrom('cab_votes').where('meeting_id', '=', meetingId).where('ticket_id', '=', changeId).execute();
}

/** One ballot per person and change: voting again replaces it. */
export async function upsertBallot(db: Executor, row: CabVotesTable): Promise<void> {
	await db
		.insertInto('cab_votes')
		.values(row)
		.onConflict((oc) => oc.columns(['meeting_id', 'ticket_id', 'person_id']).doUpdateSet({ choice: row.choice, at: row.at }))
		.execute();
}

export const listBallots = (db: Executor, meetingId: string, changeId: string) =>
	db.selectFrom('cab_votes').select(['party', 'choice']).where('meeting_id', '=', meetingId).where('ticket_id', '=', changeId).execute();

/** Every vote of the meeting with its change, in the order they were opened. */
export const listPollRows = (db: Executor, meetingId: string) =>
	db
		.selectFrom('cab_polls')
		.innerJoin('tickets', 'tickets.id', 'cab_polls.ticket_id')
		.select(['cab_polls.ticket_id', 'cab_polls.status', 'cab_polls.recommendation', 'cab_polls.rationale', 'tickets.number', 'tickets.title'])
		.where('cab_polls.meeting_id', '=', meetingId)
		.orderBy('cab_polls.opened_at')
		.execute();

/** Every ballot of the meeting with the voter's name, in the order cast. */
export const listBallotsWithNames = (db: Executor, meetingId: string) =>
	db
		.selectFrom('cab_votes')
		.innerJoin('people', 'people.id', 'cab_votes.person_id')
		.select(['cab_votes.ticket_id', 'cab_votes.person_id', 'cab_votes.party', 'cab_votes.choice', 'people.name'])
		.where('cab_votes.meeting_id', '=', meetingId)
		.orderBy('cab_votes.at')
		.execute();

/** The closed votes of the meeting with their changes, in the order they were closed. */
export const listClosedPollRows = (db: Executor, meetingId: string) =>
	db
		.selectFrom('cab_polls')
		.innerJoin('tickets', 'tickets.id', 'cab_polls.ticket_id')
		.select([
			'cab_polls.ticket_id',
			'tickets.number',
			'tickets.title',
			'cab_polls.approve',
			'cab_polls.reject',
			'cab_polls.abstain',
			'cab_polls.quorum_met',
			'cab_polls.recommendation',
			'cab_polls.rationale',
			'cab_polls.closed_at'
		])
		.where('cab_polls.meeting_id', '=', meetingId)
		.where('cab_polls.status', '=', 'closed')
		.orderBy('cab_polls.closed_at')
		.execute();
