/** The OpenAPI description of /api/v1/meetings/{id}/adjuster; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { AdjusterInput } from '$lib/server/domain/meetings/lifecycle.service';
import { withLifecycle } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	PUT: {
		operationId: 'setAdjuster',
		tag: 'lifecycle',
		summary: 'Names the adjuster (justerare), a person of the customer',
		body: { AdjusterInput },
		success: { status: 200, description: 'Where the meeting stands now', schema: withLifecycle },
		errors: [403, 409]
	}
};
