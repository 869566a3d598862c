/** The OpenAPI description of /api/v1/customers/{id}/agreement/tolerance; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ToleranceInput } from '$lib/server/domain/agreement/agreement.service';
import { ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	PUT: ok('setAgreementTolerance', 'agreement', 'Set how far invoicing may differ from the agreement before it is a deviation', 'The tolerance', z.strictObject({ toleranceBp: z.int() }), {
		description: "The supplier's admin or the customer's BAM. Default 5 %.",
		body: { ToleranceInput },
		errors: [403]
	})
};
