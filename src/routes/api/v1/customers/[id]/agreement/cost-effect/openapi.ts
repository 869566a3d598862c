/** The OpenAPI description of /api/v1/customers/{id}/agreement/cost-effect; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CostEffectInput } from '$lib/server/domain/agreement/agreement.service';
import { CostEffectAnswer } from '$lib/server/http/openapi-agreement';
import { ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('agreementCostEffect', 'agreement', 'The cost effect of a volume or price change, per month and over twelve months (changes nothing)', 'The effect', CostEffectAnswer, {
		description: 'Whoever reads the agreement.',
		body: { CostEffectInput },
		errors: [403]
	})
};
