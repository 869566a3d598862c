/** The OpenAPI description of /api/v1/customers/{id}/agreement/amendments; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { AmendmentInput } from '$lib/server/domain/agreement/agreement.service';
import { Agreement } from '$lib/server/http/openapi-agreement';
import { created, uuid } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: created('amendAgreement', 'agreement', 'Amend the agreement from a month on', 'The amendment and the agreement as it now stands', z.strictObject({ amendmentId: uuid(), agreement: Agreement }), {
		description:
			"The supplier's admin or the customer's BAM. Sets the terms of the services named from effectiveFrom on; the months before never change (effectiveFrom is this month or later; only the first agreement, kind initial, may date back, once). decisionId links the meeting decision the amendment carries out.",
		body: { AmendmentInput },
		errors: [403, 409]
	})
};
