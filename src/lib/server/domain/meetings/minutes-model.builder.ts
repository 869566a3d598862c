/**
 * Builds the `MinutesModel` of a meeting from the database and its documents:
 * what approval freezes and every export renders. Attendance, duties, agenda,
 * actions and decisions come from SQL (the projection is flushed by the
 * caller); the rich text is read from the minutes document itself.
 */
import type { Executor } from '$lib/server/db';
import type { Duty } from '$lib/server/db/schema';
import { meetingMinutesDoc, parseDocName } from '$lib/realtime/doc-names';
import { resolveDocument } from '../collab/collab.policy';
import type { DocumentStore } from '../collab/document-store';
import { blocksOf, decisionsOf, readMinutesState } from '../collab/minutes-reader';
import { notFound } from '../errors';
import { effectiveDuties } from './meeting-duties';
import type { MinutesAction, MinutesModel } from './minutes-model';

export async function buildMinutesModel(
	db: Executor,
	docs: DocumentStore,
	meetingId: string,
	extra: { approvals?: { role: 'chair' | 'adjuster'; person_id: string; at?: string }[] } = {}
): Promise<MinutesModel> {
	const meeting = await db
		.selectFrom('meetings as m')
		.innerJoin('forums as f', 'f.id', 'm.forum_id')
		.innerJoin('customers as c', 'c.id', 'm.customer_id')
		.select(['m.id', 'm.title', 'm.starts_at', 'm.ends_at', 'm.location', 'm.forum_id', 'm.customer_id', 'f.name_sv', 'f.name_en', 'c.name as customer_name'])
		.where('m.id', '=', meetingId)
		.executeTakeFirst();
	if (!meeting) throw notFound('Meeting');
	const ref = { id: meeting.id, forum_id: meeting.forum_id, customer_id: meeting.customer_id };

	const [members, attendance, duties, agenda, actions, people] = await Promise.all([
		db
			.selectFrom('forum_members as fm')
			.innerJoin('people as p', 'p.id', 'fm.person_id')
			.leftJoin('roles as r', 'r.id', 'fm.role_id')
			.select(['p.id', 'p.name', 'p.customer_id', 'r.name_sv as role'])
			.where('fm.forum_id', '=', meeting.forum_id)
			.orderBy('p.name')
			.execute(),
		db.selectFrom('meeting_attendance').select(['person_id', 'status']).where('meeting_id', '=', meetingId).execute(),
		effectiveDuties(db, ref),
		db
			.selectFrom('agenda_items as a')
			.leftJoin('people as p', 'p.id', 'a.presenter_id')
			.select(['a.title', 'a.kind', 'a.planned_minutes', 'p.name as presenter'])
			.where('a.meeting_id', '=', meetingId)
			.orderBy('a.position')
			.execute(),
		db
			.selectFrom('action_items as a')
			.leftJoin('people as p', 'p.id', 'a.owner_person_id')
			.select(['a.id', 'a.title', 'a.description', 'a.due_date', 'a.status', 'a.raised_meeting_id', 'a.closed_meeting_id', 'p.name', 'p.customer_id'])
			.where('a.forum_id', '=', meeting.forum_id)
			.orderBy('a.position')
			.execute(),
		db.selectFrom('people').select(['id', 'name']).execute()
	]);

	const nameOf = new Map(people.map((p) => [p.id, p.name]));
	const dutiesOf = (personId: string): Duty[] => duties.filter((d) => d.personId === personId).map((d) => d.duty);
	const statusOf = new Map(attendance.map((a) => [a.person_id, a.status]));

	const minutesTarget = await resolveDocument(db, parseDocName(meetingMinutesDoc(meetingId))!);
	const blocks = await docs.read(minutesTarget, (doc) => blocksOf(readMinutesState(doc)));
	const decisions = decisionsOf(blocks).map((d, i) => ({ ...d, number: i + 1 }));

	const toAction = (a: (typeof actions)[number]): MinutesAction => ({
		id: a.id,
		title: a.title,
		description: a.description,
		ownerName: a.name,
		ownerSide: a.name ? (a.customer_id ? 'customer' : 'supplier') : null,
		dueDate: a.due_date,
		status: a.status
	});
	const unfinished = (s: string) => s === 'open' || s === 'in_progress';

	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.starts_at,
			endsAt: meeting.ends_at,
			location: meeting.location,
			customerName: meeting.customer_name,
			forumName: { sv: meeting.name_sv, en: meeting.name_en }
		},
		attendees: members.map((p) => ({
			personId: p.id,
			name: p.name,
			side: p.customer_id ? 'customer' : 'supplier',
			role: p.role,
			duties: dutiesOf(p.id),
			attendance: statusOf.get(p.id) ?? null
		})),
		agenda: agenda.map((a) => ({ title: a.title, kind: a.kind, plannedMinutes: a.planned_minutes, presenterName: a.presenter })),
		blocks,
		decisions,
		actions: {
			new: actions.filter((a) => a.raised_meeting_id === meetingId).map(toAction),
			closed: actions.filter((a) => a.closed_meeting_id === meetingId && !unfinished(a.status)).map(toAction),
			open: actions.filter((a) => unfinished(a.status) && a.raised_meeting_id !== meetingId).map(toAction)
		},
		figures: [],
		approvals: (extra.approvals ?? []).map((a) => ({ role: a.role, name: nameOf.get(a.person_id) ?? '', at: a.at ?? new Date().toISOString() })),
		addenda: []
	};
}
