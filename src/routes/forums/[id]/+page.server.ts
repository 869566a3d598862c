import { forumEscalationLinks } from '$lib/server/domain/meetings/actions.service';
import { dutyRecipients, memberCandidates } from '$lib/server/domain/governance/forum-offers';
import { listEligiblePeople } from '$lib/server/domain/governance/forum-people.service';
import { addMember, getForum, removeMember, updateForum } from '$lib/server/domain/governance/forums.service';
import { assignForumDuty } from '$lib/server/domain/meeting-core/duty-notices';
import { listForumMeetings, scheduleMeeting } from '$lib/server/domain/meetings/meetings.service';
import { forumGovernanceHealth } from '$lib/server/domain/governance/governance-health';
import { can, type Resource } from '$lib/server/domain/policy';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { documentAccess } from '$lib/server/domain/collab/collab.policy';
import { forumActionsDoc, parseDocName } from '$lib/realtime/doc-names';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const forum = await getForum(db, actor, event.params.id);
		const resource: Resource = { customerId: forum.customerId, kind: 'Forum' };
		const may = {
			assignDuty: can(actor, 'duty.assign', resource),
			update: can(actor, 'forum.update', resource),
			schedule: can(actor, 'meeting.schedule', resource)
		};
		const [customer, meetings, people] = await Promise.all([
			getCustomer(db, actor, forum.customerId),
			listForumMeetings(db, actor, forum.id),
			may.assignDuty || may.update ? listEligiblePeople(db, actor, forum.id) : Promise.resolve([])
		]);
		const now = Date.now();
		const actionsDoc = forumActionsDoc(forum.id);
		const { access: actionsAccess } = await documentAccess(db, actor, parseDocName(actionsDoc)!);
		return {
			forum,
			actions: {
				docName: actionsDoc,
				access: actionsAccess,
				meetings: meetings.map((mt) => ({ id: mt.id, startsAt: mt.startsAt })),
				people: forum.members.map((p) => ({ id: p.personId, name: p.name, side: p.party })),
				viewerId: actor.personId,
				escalations: await forumEscalationLinks(db, actor, forum.id)
			},
			health: await forumGovernanceHealth(db, actor, forum.id),
			customer: { id: customer.id, name: customer.name },
			// a cancelled meeting is no longer ahead: it is listed with the earlier ones, marked inställt
			upcoming: meetings.filter((mt) => Date.parse(mt.endsAt) >= now && mt.status !== 'cancelled'),
			past: meetings.filter((mt) => Date.parse(mt.endsAt) < now || mt.status === 'cancelled').reverse(),
			// what the forms may offer: who can be handed a duty, who can join (and with which role)
			dutyRecipients: dutyRecipients(people),
			memberCandidates: memberCandidates(people, forum.members),
			// the end of a new meeting is suggested from the agenda's length
			agendaMinutes: forum.content.agenda.reduce((sum, item) => sum + item.minutes, 0),
			may
		};
	});

/** '' means "no limit" (the forum meets as needed), not 0. */
const count = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());

export const actions: Actions = {
	assignDuty: formAction(({ app, actor, data, event }) =>
		assignForumDuty(app.db, actor, event.params.id ?? '', { duty: data.duty, party: data.party, personId: data.personId || null })
	),
	addMember: formAction(async ({ app, actor, data, event }) => {
		// one select carries "personId|roleId" (the role is optional)
		const [personId = '', roleId = ''] = (data.member ?? '').split('|');
		await addMember(app.db, actor, event.params.id ?? '', { personId, roleId: roleId || null });
	}),
	removeMember: formAction(({ app, actor, data, event }) => removeMember(app.db, actor, event.params.id ?? '', data.personId ?? '')),
	schedule: formAction(({ app, actor, data, event }) =>
		scheduleMeeting(app.db, actor, event.params.id ?? '', {
			title: data.title,
			startsAt: data.startsAt,
			endsAt: data.endsAt,
			location: data.location,
			videoUrl: data.videoUrl
		})
	),
	update: formAction(async ({ app, actor, data, event }) => {
		await updateForum(app.db, actor, event.params.id ?? '', {
			nameSv: data.nameSv,
			nameEn: data.nameEn,
			purposeSv: data.purposeSv,
			purposeEn: data.purposeEn,
			cadenceMinPerYear: count(data.cadenceMinPerYear),
			cadenceMaxPerYear: count(data.cadenceMaxPerYear),
			approvalReminderDays: data.approvalReminderDays,
			materialLeadDays: count(data.materialLeadDays)
		});
	})
};
