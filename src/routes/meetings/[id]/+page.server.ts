import { isSupplier } from '$lib/server/domain/actor';
import { documentAccess } from '$lib/server/domain/collab/collab.policy';
import { getForum } from '$lib/server/domain/governance/forums.service';
import { getMeeting } from '$lib/server/domain/meetings/meetings.service';
import { loadWith } from '$lib/server/http/forms';
import { meetingAgendaDoc, meetingMinutesDoc, parseDocName } from '$lib/realtime/doc-names';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const meeting = await getMeeting(db, actor, event.params.id);
		const forum = await getForum(db, actor, meeting.forumId);
		const minutesDoc = meetingMinutesDoc(meeting.id);
		// The same policy the collab server applies at the upgrade: the editor opens read-only for readers.
		const { access } = await documentAccess(db, actor, parseDocName(minutesDoc)!);
		return {
			meeting,
			forum: { id: forum.id, name: forum.name, level: forum.level, agenda: forum.content.agenda, preparation: forum.content.preparation, duties: forum.duties },
			viewerIsSupplier: isSupplier(actor),
			minutes: { docName: minutesDoc, access },
			agendaDoc: meetingAgendaDoc(meeting.id),
			viewer: { personId: actor.personId, name: actor.name, side: isSupplier(actor) ? ('supplier' as const) : ('customer' as const) }
		};
	});
