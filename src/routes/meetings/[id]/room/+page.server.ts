import type { Party } from '$lib/domain-types';
import { isSupplier } from '$lib/server/domain/actor';
import { getMeeting } from '$lib/server/domain/meetings/meetings.service';
import { requireMeeting } from '$lib/server/domain/meeting-core/meeting-context';
import { roomAgenda } from '$lib/server/domain/room/agenda';
import { cabCandidates } from '$lib/server/domain/room/cab.service';
import { slideDeck } from '$lib/server/domain/room/slides.service';
import { listPeople } from '$lib/server/domain/tenancy/people.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const meeting = await getMeeting(db, actor, event.params.id);
		const ref = await requireMeeting(db, meeting.id);
		const [deck, agenda, customerPeople, supplierPeople] = await Promise.all([
			slideDeck(db, actor, meeting.id),
			roomAgenda(db, ref),
			listPeople(db, actor, meeting.customerId),
			// a customer's people hand duties to their own side only (see room.service handOverDuty)
			isSupplier(actor) ? listPeople(db, actor, null) : Promise.resolve([])
		]);
		const person = (side: Party) => (p: { id: string; name: string; hasAccount: boolean }) => ({ id: p.id, name: p.name, side });
		return {
			meeting: { id: meeting.id, title: meeting.title, customerName: meeting.customerName, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
			deck,
			agenda,
			cabChanges: deck.cab ? await cabCandidates(db, ref) : [],
			people: [...customerPeople.filter((p) => p.hasAccount).map(person('customer')), ...supplierPeople.filter((p) => p.hasAccount).map(person('supplier'))]
		};
	});
