import { getMeeting } from '$lib/server/domain/meetings/meetings.service';
import { handoverOffer } from '$lib/server/domain/meeting-core/duty-handover.service';
import { cabChangesToVote } from '$lib/server/domain/room/cab.service';
import { roomScreen } from '$lib/server/domain/room/room-screen';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const meeting = await getMeeting(db, actor, event.params.id);
		const [{ deck, agenda, material }, cabChanges, handover] = await Promise.all([
			roomScreen(db, actor, meeting.id),
			cabChangesToVote(db, actor, meeting.id),
			// whom this person may hand a duty to (the customer side gives its own people a duty it does not hold)
			handoverOffer(db, actor, meeting.id)
		]);
		return {
			meeting: { id: meeting.id, title: meeting.title, customerName: meeting.customerName, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
			deck,
			agenda,
			material,
			cabChanges,
			handover
		};
	});
