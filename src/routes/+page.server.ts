import { listMyForums } from '$lib/server/domain/governance/forum-summaries.service';
import { myActions } from '$lib/server/domain/meetings/actions.service';
import { upcomingMeetingsFor } from '$lib/server/domain/meetings/meetings.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const now = new Date();
		const [meetings, myForums, actions] = await Promise.all([upcomingMeetingsFor(db, actor, 8, now), listMyForums(db, actor, now), myActions(db, actor)]);
		return {
			meetings,
			myForums,
			actions,
			// isSupplier: from the root layout's load
			now: now.toISOString()
		};
	});
