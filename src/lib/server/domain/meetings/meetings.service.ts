import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { MeetingStatus } from '$lib/domain-types';
import type { Meeting } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { invalid, notFound } from '../errors';
import { loadForum } from '../governance/forums.service';
import { forumIdsOfMember } from '../governance/forums.repository';
import { newId, nowIso } from '../ids';
import { reindexMeeting } from '../search/search.repository';
import { findMeetingWithNames, findNextMeetingOfForum, insertMeeting, listMeetingsOfForum, listUpcomingMeetings, type MeetingWithNames } from '../meeting-core/meetings.repository';
import { authorize, can } from '../policy';
import { forumActionsDoc, meetingAgendaDoc, meetingInternalDoc, meetingMinutesDoc } from '$lib/realtime/doc-names';
import { toUtcIso } from '../time';
import { dayOf } from '../itsm/period';
import { optionalText, parseInput } from '../validation';

export interface MeetingView {
	id: string;
	forumId: string;
	customerId: string;
	title: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
	videoUrl: string | null;
	status: MeetingStatus;
	agendaPublishedAt: string | null;
	startedAt: string | null;
	endedAt: string | null;
	approvedAt: string | null;
	confirmedAt: string | null;
	/** the named adjuster (justerare) from the customer side */
	adjusterPersonId: string | null;
}

export interface MeetingListItem extends MeetingView {
	forumNameSv: string;
	forumNameEn: string;
	customerName: string;
}

const toView = (m: Meeting): MeetingView => ({
	id: m.id,
	forumId: m.forum_id,
	customerId: m.customer_id,
	title: m.title,
	startsAt: m.starts_at,
	endsAt: m.ends_at,
	location: m.location,
	videoUrl: m.video_url,
	status: m.status,
	agendaPublishedAt: m.agenda_published_at,
	startedAt: m.started_at,
	endedAt: m.ended_at,
	approvedAt: m.approved_at,
	confirmedAt: m.confirmed_at,
	adjusterPersonId: m.adjuster_person_id
});

export async function listForumMeetings(db: Db, actor: Actor, forumId: string): Promise<MeetingView[]> {
	await loadForum(db, actor, forumId, 'meeting.read');
	return (await listMeetingsOfForum(db, forumId)).map(toView);
}

/**
 * The forum's next meeting after this one (one still to be held, never a
 * cancelled one): the Stockholm day an action said to be due "nästa möte" falls due.
 */
export async function nextMeetingDay(db: Db, actor: Actor, meeting: { id: string; forumId: string; startsAt: string }): Promise<string | null> {
	await loadForum(db, actor, meeting.forumId, 'meeting.read');
	const next = await findNextMeetingOfForum(db, meeting.forumId, meeting.startsAt, meeting.id);
	return next ? dayOf(next.starts_at) : null;
}

export async function getMeeting(db: Db, actor: Actor, meetingId: string): Promise<MeetingListItem> {
	const row = await findMeetingWithNames(db, meetingId);
	if (!row) throw notFound('Meeting');
	authorize(actor, 'meeting.read', { customerId: row.customer_id, kind: 'Meeting' });
	return toListItem(row);
}

export interface MeetingDocuments {
	agenda: string;
	minutes: string;
	actions: string;
	/** supplier-internal notes: only ever named to supplier staff */
	internal?: string;
}

/** The names of a meeting's shared documents that this actor may know of. */
export function meetingDocuments(actor: Actor, meeting: { id: string; forumId: string; customerId: string }): MeetingDocuments {
	const docs: MeetingDocuments = {
		agenda: meetingAgendaDoc(meeting.id),
		minutes: meetingMinutesDoc(meeting.id),
		actions: forumActionsDoc(meeting.forumId)
	};
	if (can(actor, 'meeting.internal', { customerId: meeting.customerId })) docs.internal = meetingInternalDoc(meeting.id);
	return docs;
}

/** A meeting with the names of its shared documents (the API's meeting resource). */
export async function getMeetingDetail(db: Db, actor: Actor, meetingId: string): Promise<MeetingListItem & { documents: MeetingDocuments }> {
	const meeting = await getMeeting(db, actor, meetingId);
	return { ...meeting, documents: meetingDocuments(actor, meeting) };
}

const toListItem = (r: MeetingWithNames): MeetingListItem => ({
	...toView(r),
	forumNameSv: r.forum_name_sv,
	forumNameEn: r.forum_name_en,
	customerName: r.customer_name
});

/**
 * "My next meetings": meetings of the forums I am a member of. Supplier staff
 * who sit in no forum see every upcoming meeting, a customer's people without
 * membership see their customer's.
 */
export async function upcomingMeetingsFor(db: Db, actor: Actor, limit = 8, now = new Date()): Promise<MeetingListItem[]> {
	const mine = await forumIdsOfMember(db, actor.personId);
	const rows = await listUpcomingMeetings(db, { nowIso: now.toISOString(), limit, forumIds: mine, customerId: isSupplier(actor) ? undefined : (actor.customerId ?? '') });
	return rows.map(toListItem);
}

/** A newly scheduled meeting has taken none of its lifecycle steps. */
const NO_LIFECYCLE_STEPS = {
	agenda_published_at: null,
	agenda_published_by: null,
	agenda_snapshot: null,
	started_at: null,
	started_by: null,
	ended_at: null,
	ended_by: null,
	approved_at: null,
	confirmed_at: null,
	confirmed_by: null,
	confirmed_in_meeting_id: null,
	cancelled_at: null,
	cancelled_by: null,
	cancel_reason: null,
	adjuster_person_id: null,
	current_item_id: null,
	current_item_started_at: null
} satisfies Partial<Meeting>;

export const ScheduleInput = z.object({
	title: optionalText(200),
	startsAt: z.string().trim().min(1, 'field.required').max(40),
	endsAt: z.string().trim().min(1, 'field.required').max(40),
	location: optionalText(200),
	videoUrl: optionalText(500).refine((v) => v === null || /^https:\/\/\S+$/.test(v), {
		message: 'field.https'
	})
});

/** Start and end are ISO-8601; without an offset they are Stockholm wall-clock time. */
export async function scheduleMeeting(db: Db, actor: Actor, forumId: string, input: unknown): Promise<MeetingView> {
	const forum = await loadForum(db, actor, forumId, 'meeting.schedule');
	const data = parseInput(ScheduleInput, input);
	const startsAt = toUtcIso(data.startsAt, 'startsAt');
	const endsAt = toUtcIso(data.endsAt, 'endsAt');
	if (endsAt <= startsAt) throw invalid('The meeting must end after it starts', { endsAt: 'meeting.ends_after_start' });
	if (Date.parse(endsAt) - Date.parse(startsAt) > 24 * 3600 * 1000) {
		throw invalid('A meeting cannot last more than 24 hours', { endsAt: 'meeting.max_24h' });
	}
	const now = nowIso();
	const meeting: Meeting = {
		id: newId(),
		forum_id: forumId,
		customer_id: forum.customer_id,
		title: data.title ?? `${forum.name_sv} ${startsAt.slice(0, 10)}`,
		starts_at: startsAt,
		ends_at: endsAt,
		location: data.location,
		video_url: data.videoUrl,
		status: 'planned',
		...NO_LIFECYCLE_STEPS,
		created_by: actor.personId === 'system' ? null : actor.personId,
		created_at: now,
		updated_at: now
	};
	await db.transaction().execute(async (tx) => {
		await insertMeeting(tx, meeting);
		await reindexMeeting(tx, meeting.id);
		await recordAudit(tx, actor, {
			action: 'meeting.schedule',
			entity: 'meeting',
			entityId: meeting.id,
			customerId: forum.customer_id,
			after: { title: meeting.title, startsAt, endsAt, location: meeting.location }
		});
	});
	return toView(meeting);
}
