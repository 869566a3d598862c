import { customerHandbookDoc, parseDocName } from '$lib/realtime/doc-names';
import { partyOf } from '$lib/server/domain/actor';
import { documentAccess } from '$lib/server/domain/collab/collab.policy';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const docName = customerHandbookDoc(event.params.id);
		// the same check as the websocket upgrade: 404 for another customer, read or write for the rest
		const { access } = await documentAccess(db, actor, parseDocName(docName)!);
		return {
			handbook: { docName, access },
			viewer: { personId: actor.personId, name: actor.name, side: partyOf(actor) }
		};
	});
