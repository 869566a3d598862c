/** The OpenAPI description of /api/v1/customers/{id}/agreement/proposals/{proposalId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ProposalDecisionInput } from '$lib/server/domain/agreement/agreement.service';
import { Agreement } from '$lib/server/http/openapi-agreement';
import { ok, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('decideAgreementProposal', 'agreement', 'Accept (it becomes an amendment) or decline a change proposal', 'The agreement', one('agreement', Agreement), {
		description: "The supplier's admin or the customer's BAM; a proposal is decided once (409 after).",
		body: { ProposalDecisionInput },
		errors: [403, 409]
	})
};
