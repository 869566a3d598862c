/**
 * The frozen minutes an export reads: the latest approved version of a
 * meeting's minutes and the addenda written since. Repository functions take
 * the executor first so they work inside a transaction.
 */
import type { Executor } from '$lib/server/db';

/** The latest version of kind 'approved', if the minutes were ever approved. */
export async function latestApprovedVersion(db: Executor, meetingId: string): Promise<{ content: string; created_at: string } | undefined> {
	return db
		.selectFrom('minutes_versions')
		.select(['content', 'created_at'])
		.where('meeting_id', '=', meetingId)
		.where('kind', '=', 'approved')
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

/** Every addendum of the meeting's minutes, oldest first, with its author's name. */
export async function addendumVersions(db: Executor, meetingId: string): Promise<{ content: string; created_at: string; name: string | null }[]> {
	return db
		.selectFrom('minutes_versions')
		.leftJoin('people', 'people.id', 'minutes_versions.created_by')
		.select(['minutes_versions.content', 'minutes_versions.created_at', 'people.name'])
		.where('minutes_versions.meeting_id', '=', meetingId)
		.where('minutes_versions.kind', '=', 'addendum')
		.orderBy('minutes_versions.created_at')
		.execute();
}
