import { getMeeting } from '$lib/server/domain/meetings/meetings.service';
import { requireMeeting } from '$lib/server/domain/meeting-core/meeting-context';
import { handoverOffer } from '$lib/server/domain/meeting-core/duty-handover.service';
import { roomAgenda } from '$lib/server/domain/room/agenda';
import { cabChangesToVote } from '$lib/server/domain/room/cab.service';
import { slideDeck } from '$lib/server/domain/room/slides.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const meeting = await getMeeting(db, actor, event.params.id);
		const ref = await requireMeeting(db, meeting.id);
		const [deck, agenda, cabChanges, handover] = await Promise.all([
			slideDeck(db, actor, meeting.id),
			roomAgenda(db, ref),
			cabChangesToVote(db, actor, meeting.id),
			// whom this person may hand a duty to (the customer side gives its own people a duty it does not hold)
			handoverOffer(db, actor, meeting.id)
		]);
		return {
			meeting: { id: meeting.id, title: meeting.title, customerName: meeting.customerName, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
			deck,
			agenda,
			cabChanges,
			handover
		};
	});
