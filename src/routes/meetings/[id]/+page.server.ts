import { isSupplier } from '$lib/server/domain/actor';
import { getForum } from '$lib/server/domain/governance/forums.service';
import { getMeeting } from '$lib/server/domain/meetings/meetings.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const meeting = await getMeeting(db, actor, event.params.id);
		const forum = await getForum(db, actor, meeting.forumId);
		return {
			meeting,
			forum: { id: forum.id, name: forum.name, level: forum.level, agenda: forum.content.agenda, preparation: forum.content.preparation, duties: forum.duties },
			viewerIsSupplier: isSupplier(actor)
		};
	});
