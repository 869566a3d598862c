import { loadWith } from '$lib/server/http/forms';
import { upcomingMeetingsFor } from '$lib/server/domain/meetings/meetings.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => ({
		meetings: await upcomingMeetingsFor(db, actor)
	}));
