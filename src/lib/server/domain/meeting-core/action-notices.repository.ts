/**
 * The reads behind notifications about action items (action-notices.ts): an
 * action with the names its mail shows, the unfinished actions a meeting
 * carries over, and the actions the daily sweep looks at.
 */
import type { Executor } from '$lib/server/db';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';

const UNFINISHED: ActionStatus[] = ['open', 'in_progress'];

export interface ActionSubjectRow {
	id: string;
	title: string;
	forum_id: string;
	customer_id: string;
	owner_person_id: string | null;
	due_date: string | null;
	status: ActionStatus;
	escalated_from_id: string | null;
	name_sv: string;
	name_en: string;
	customer_name: string;
}

const subjects = (db: Executor) =>
	db
		.selectFrom('action_items as a')
		.innerJoin('forums as f', 'f.id', 'a.forum_id')
		.innerJoin('customers as c', 'c.id', 'a.customer_id')
		.select(['a.id', 'a.title', 'a.forum_id', 'a.customer_id', 'a.owner_person_id', 'a.due_date', 'a.status', 'a.escalated_from_id', 'f.name_sv', 'f.name_en', 'c.name as customer_name']);

export async function findActionSubjects(db: Executor, ids: string[]): Promise<ActionSubjectRow[]> {
	if (ids.length === 0) return [];
	return subjects(db).where('a.id', 'in', ids).execute();
}

/** Unfinished actions of a forum with an owner, made before `before` (those a meeting that began then carries over). */
export const listCarriedActions = (db: Executor, forumId: string, before: string): Promise<ActionSubjectRow[]> =>
	subjects(db).where('a.forum_id', '=', forumId).where('a.status', 'in', UNFINISHED).where('a.owner_person_id', 'is not', null).where('a.created_at', '<', before).execute();

/** Unfinished actions with an owner whose due date is on or before `lastDay` (YYYY-MM-DD): the sweep's due-soon and overdue candidates. */
export const listDueActions = (db: Executor, lastDay: string): Promise<ActionSubjectRow[]> =>
	subjects(db).where('a.status', 'in', UNFINISHED).where('a.owner_person_id', 'is not', null).where('a.due_date', 'is not', null).where('a.due_date', '<=', lastDay).execute();

/** The customer of an action, if it exists (an escalated copy's source must be the same customer's). */
export const findActionCustomer = async (db: Executor, id: string): Promise<string | undefined> =>
	(await db.selectFrom('action_items').select('customer_id').where('id', '=', id).executeTakeFirst())?.customer_id;
