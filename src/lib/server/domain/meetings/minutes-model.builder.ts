/**
 * Builds the `MinutesModel` of a meeting from the database and its documents:
 * what approval freezes and every export renders. Attendance, duties, agenda,
 * actions and decisions come from SQL (the projection is flushed by the
 * caller); the rich text is read from the minutes document itself.
 */
import type { Executor } from '$lib/server/db';
import type { Duty } from '$lib/domain-types';
import type { Meeting } from '$lib/server/db/schema';
import { meetingDocument } from '../collab/collab.policy';
import type { DocumentStore } from '../collab/document-store';
import { blocksOf, decisionsOf, readMinutesState, withActionText } from '../collab/minutes-reader';
import { findForumRow, listMembersWithRoleSv } from '../governance/forums.repository';
import { dayOf, periodLabels } from '../itsm/period';
import { escalationLinks } from './escalation.service';
import { requireMeeting } from '../meeting-core/meeting-context';
import { effectiveDuties } from '../meeting-core/meeting-duties';
import { cabOutcomesForMeeting } from '../room/cab-reads';
import { slideNotesForMeeting } from '../room/room-reads';
import type { FrozenFigure, MinutesAction, MinutesBlock, MinutesModel } from '../meeting-core/minutes-model';
import { findCustomer, listAllPersonNames } from '../tenancy/tenancy.repository';
import { listAttendanceStatuses, listMarkedNonMembers } from './attendance.repository';
import { listAgendaWithPresenters, listForumActionsWithOwners } from './minutes.repository';

/** Swedish names of the live room's slides, for the notes written on them. */
const SLIDE_TITLES: Record<string, string> = {
	overview: 'Översikt',
	sla: 'SLA per prioritet',
	trend: 'Trend 12 månader',
	kpi: 'Nyckeltal',
	incidents: 'P1/P2-incidenter öppnade i perioden',
	escalations: 'Eskalerade ärenden',
	changes: 'Ändringar'
};
const RECOMMENDATION: Record<string, string> = { approve: 'Godkänn', reject: 'Avslå', defer: 'Skjut upp' };

/**
 * What the live room adds to the record: the notes written on each slide, as
 * a section of the minutes, and the CAB's recommendation per change, as a
 * table frozen with the minutes.
 */
async function fromTheRoom(db: Executor, meetingId: string, day: string): Promise<{ blocks: MinutesBlock[]; figures: FrozenFigure[] }> {
	const [notes, cab] = await Promise.all([slideNotesForMeeting(db, meetingId), cabOutcomesForMeeting(db, meetingId)]);
	const blocks: MinutesBlock[] = [];
	if (notes.length > 0) {
		blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Anteckningar från presentationen' }] });
		for (const n of notes) blocks.push({ type: 'paragraph', runs: [{ text: `${SLIDE_TITLES[n.slide] ?? n.slide}: `, bold: true }, { text: n.text }] });
	}
	const figures: FrozenFigure[] = [];
	if (cab.length > 0) {
		figures.push({
			id: 'cab-recommendations',
			title: 'CAB:s rekommendationer per ändring',
			from: day,
			to: day,
			periodLabel: periodLabels({ firstDay: day, lastDay: day }),
			columns: ['Ändring', 'Rubrik', 'Godkänn', 'Avslå', 'Avstår', 'Beslutsfört', 'Rekommendation', 'Motivering'],
			rows: cab.map((c) => [c.number, c.title ?? '', c.approve, c.reject, c.abstain, c.quorumMet ? 'Ja' : 'Nej', RECOMMENDATION[c.recommendation] ?? c.recommendation, c.rationale])
		});
		blocks.push({ type: 'data', figureId: 'cab-recommendations' });
	}
	return { blocks, figures };
}

/** People marked in the attendance who are no longer (or never were) members of the forum. */
async function markedNonMembers(db: Executor, meetingId: string, memberIds: string[]) {
	return listMarkedNonMembers(db, meetingId, memberIds);
}

export async function buildMinutesModel(
	db: Executor,
	docs: DocumentStore,
	/** the meeting's id, or its row when the caller has just read it */
	of: string | Meeting,
	extra: {
		approvals?: { role: 'chair' | 'adjuster'; person_id: string; at?: string }[];
		/** ITSM figures presented in the meeting, frozen with the minutes (meeting-figures.ts) */
		figures?: FrozenFigure[];
	} = {}
): Promise<MinutesModel> {
	const meeting = typeof of === 'string' ? await requireMeeting(db, of) : of;
	const meetingId = meeting.id;

	const [forum, customer, members, attendance, duties, agenda, actions, people] = await Promise.all([
		findForumRow(db, meeting.forum_id),
		findCustomer(db, meeting.customer_id),
		listMembersWithRoleSv(db, meeting.forum_id),
		listAttendanceStatuses(db, meetingId),
		effectiveDuties(db, meeting),
		listAgendaWithPresenters(db, meetingId),
		listForumActionsWithOwners(db, meeting.forum_id),
		listAllPersonNames(db)
	]);

	const nameOf = new Map(people.map((p) => [p.id, p.name]));
	const dutiesOf = (personId: string): Duty[] => duties.filter((d) => d.personId === personId).map((d) => d.duty);
	const statusOf = new Map(attendance.map((a) => [a.person_id, a.status]));

	const minutesTarget = meetingDocument(meeting, 'minutes');
	const byId = new Map(actions.map((a) => [a.id, a]));
	// an action said in the minutes reads, where it was said, as the list holds it at approval
	const describeAction = (id: string) => {
		const a = byId.get(id);
		if (!a) return null;
		const facts = [a.name, a.due_date].filter((f): f is string => !!f);
		return facts.length > 0 ? `${a.title} (${facts.join(', ')})` : a.title;
	};
	const written = withActionText(
		await docs.read(minutesTarget, (doc) => blocksOf(readMinutesState(doc))),
		describeAction
	);
	const room = await fromTheRoom(db, meetingId, dayOf(meeting.starts_at));
	const blocks = [...written, ...room.blocks];
	const decisions = decisionsOf(blocks).map((d, i) => ({ ...d, number: i + 1 }));

	const links = await escalationLinks(
		db,
		actions.map((a) => ({ id: a.id, customerId: meeting.customer_id, escalatedFromId: a.escalated_from_id, escalatedToId: a.escalated_to_id }))
	);
	const toAction = (a: (typeof actions)[number]): MinutesAction => ({
		id: a.id,
		title: a.title,
		description: a.description,
		ownerName: a.name,
		ownerSide: a.name ? (a.customer_id ? 'customer' : 'supplier') : null,
		dueDate: a.due_date,
		status: a.status,
		escalatedFrom: links.get(a.id)?.escalatedFrom ?? null,
		escalatedTo: links.get(a.id)?.escalatedTo ?? null
	});
	const unfinished = (s: string) => s === 'open' || s === 'in_progress';

	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.starts_at,
			endsAt: meeting.ends_at,
			location: meeting.location,
			customerName: customer?.name ?? '',
			forumName: { sv: forum?.name_sv ?? '', en: forum?.name_en ?? '' }
		},
		attendees: [...members, ...(await markedNonMembers(db, meetingId, members.map((p) => p.id)))].map((p) => ({
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
		figures: [...(extra.figures ?? []), ...room.figures],
		approvals: (extra.approvals ?? []).map((a) => ({ role: a.role, name: nameOf.get(a.person_id) ?? '', at: a.at ?? new Date().toISOString() })),
		addenda: []
	};
}
