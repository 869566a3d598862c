/** The OpenAPI description of /api/v1/meetings/{id}/adjuster; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { AdjusterInput } from '$lib/server/domain/meetings/lifecycle.service';
import { withLifecycle } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	PUT: ok('setAdjuster', 'lifecycle', 'Names the adjuster (justerare), a person of the customer', 'Where the meeting stands now', withLifecycle, {
		body: { AdjusterInput },
		errors: [403, 409]
	})
};
