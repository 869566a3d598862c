/** The OpenAPI description of /api/v1/customers/{id}/agreement/proposals; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ProposalInput } from '$lib/server/domain/agreement/agreement.service';
import { Agreement } from '$lib/server/http/openapi-agreement';
import { created, uuid } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: created('proposeAgreementChange', 'agreement', 'Propose a change of the agreement (the customer’s contract owner)', 'The proposal and the agreement', z.strictObject({ proposalId: uuid(), agreement: Agreement }), {
		description: "The customer's admin or a person holding its contract owner role (Avtalsansvarig); the supplier accepts or declines it.",
		body: { ProposalInput },
		errors: [403]
	})
};
