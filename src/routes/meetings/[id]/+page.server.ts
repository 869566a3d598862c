import { getLocale } from '$lib/paraglide/runtime';
import { partyOf } from '$lib/server/domain/actor';
import { documentAccess } from '$lib/server/domain/collab/collab.policy';
import { adjusterCandidates } from '$lib/server/domain/governance/forum-offers';
import { getForum } from '$lib/server/domain/governance/forums.service';
import { listAttendance } from '$lib/server/domain/meetings/attendance.service';
import { forumEscalationLinks } from '$lib/server/domain/meetings/actions.service';
import { decisionStatus } from '$lib/server/domain/meetings/decision-status';
import { meetingAmendments } from '$lib/server/domain/agreement/agreement.service';
import { escalationTarget } from '$lib/server/domain/meetings/escalation.service';
import {
	addAddendum,
	approveMinutes,
	cancelMeeting,
	confirmPreviousMinutes,
	endMeeting,
	lifecycleView,
	meetingFiguresView,
	publishAgenda,
	setAdjuster,
	startMeeting
} from '$lib/server/domain/meetings/lifecycle.service';
import { getMeetingDetail, listForumMeetings, nextMeetingDay } from '$lib/server/domain/meetings/meetings.service';
import { listMaterial } from '$lib/server/domain/material/material.service';
import { roomScreen } from '$lib/server/domain/room/room-screen';
import { formAction, loadWith } from '$lib/server/http/forms';
import { parseDocName } from '$lib/realtime/doc-names';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const meeting = await getMeetingDetail(db, actor, event.params.id);
		const forum = await getForum(db, actor, meeting.forumId);
		// The same policy the collab server applies at the upgrade: editors open read-only for readers.
		const accessOf = async (name: string) => (await documentAccess(db, actor, parseDocName(name)!)).access;
		const [agendaAccess, minutesAccess, actionsAccess, internalAccess, lifecycle, attendance, meetings, escalateTo, escalations, material, nextMeeting] = await Promise.all([
			accessOf(meeting.documents.agenda),
			accessOf(meeting.documents.minutes),
			accessOf(meeting.documents.actions),
			meeting.documents.internal ? accessOf(meeting.documents.internal) : Promise.resolve(null),
			lifecycleView(db, actor, meeting.id),
			listAttendance(db, actor, meeting.id),
			listForumMeetings(db, actor, forum.id),
			escalationTarget(db, actor, { customer_id: forum.customerId, level: forum.level }),
			forumEscalationLinks(db, actor, forum.id),
			listMaterial(db, actor, event.params.id),
			nextMeetingDay(db, actor, meeting)
		]);
		const [figures, live, amendments] = await Promise.all([
			meetingFiguresView(db, actor, meeting.id, lifecycle.status, getLocale() === 'en' ? 'en' : 'sv'),
			// meeting mode: while the meeting is in progress the page shows what the room shows
			lifecycle.status === 'in_progress' ? roomScreen(db, actor, meeting.id) : Promise.resolve(null),
			// price questions decided here and the amendments of the agreement they caused
			meetingAmendments(db, actor, { id: meeting.id, customerId: forum.customerId })
		]);
		const people = forum.members.map((p) => ({ id: p.personId, name: p.name, side: p.party }));
		return {
			meeting,
			forum: { id: forum.id, name: forum.name, level: forum.level, agenda: forum.content.agenda, preparation: forum.content.preparation, duties: forum.duties },
			// decision blocks read as proposals until these minutes are approved
			minutes: { docName: meeting.documents.minutes, access: minutesAccess, decisionStatus: decisionStatus(lifecycle.status) },
			actions: { docName: meeting.documents.actions, access: actionsAccess, escalations },
			// only ever present for supplier staff: the customer's browser never learns the name
			internal: meeting.documents.internal && internalAccess ? { docName: meeting.documents.internal, access: internalAccess } : null,
			agenda: { docName: meeting.documents.agenda, access: agendaAccess },
			lifecycle,
			material,
			figures,
			amendments,
			live,
			attendance,
			people,
			adjusterCandidates: adjusterCandidates(forum.members),
			meetings: meetings.map((mt) => ({ id: mt.id, startsAt: mt.startsAt })),
			// where an action said to be due "nästa möte" falls due
			nextMeeting,
			escalateTo: escalateTo ? { forumId: escalateTo.id, name: { sv: escalateTo.name_sv, en: escalateTo.name_en } } : null,
			viewer: { personId: actor.personId, name: actor.name, side: partyOf(actor) }
		};
	});

const meetingId = (event: { params: { id?: string } }) => event.params.id ?? '';

export const actions: Actions = {
	publish: formAction(({ app, actor, event }) => publishAgenda(app.db, app.documents, actor, meetingId(event))),
	start: formAction(({ app, actor, data, event }) => startMeeting(app.db, actor, meetingId(event), { confirmEarly: data.confirmEarly === 'true' })),
	end: formAction(({ app, actor, event }) => endMeeting(app.db, actor, meetingId(event))),
	cancel: formAction(({ app, actor, data, event }) => cancelMeeting(app.db, actor, meetingId(event), { reason: data.reason || undefined })),
	adjuster: formAction(({ app, actor, data, event }) => setAdjuster(app.db, actor, meetingId(event), { personId: data.personId })),
	approve: formAction(({ app, actor, event }) => approveMinutes(app.db, app.documents, actor, meetingId(event), getLocale() === 'en' ? 'en' : 'sv')),
	addendum: formAction(({ app, actor, data, event }) => addAddendum(app.db, actor, meetingId(event), { text: data.text })),
	confirmPrevious: formAction(({ app, actor, event }) => confirmPreviousMinutes(app.db, actor, meetingId(event)))
};
