import { decideProposal } from '$lib/server/domain/agreement/agreement.service';
import { authed, readJson } from '$lib/server/http/api';

/** The supplier accepts or declines a proposal. */
export const POST = authed(async ({ app, actor, event }) => ({
	agreement: await decideProposal(app.db, actor, event.params.id!, event.params.proposalId!, await readJson(event.request))
}));
