import { proposeChange } from '$lib/server/domain/agreement/agreement.service';
import { authed, readJson } from '$lib/server/http/api';

/** The contract owner's change proposal. */
export const POST = authed(async ({ app, actor, event }) => {
	const { proposalId, ...agreement } = await proposeChange(app.db, actor, event.params.id!, await readJson(event.request));
	return { proposalId, agreement };
}, 201);
