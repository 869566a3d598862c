/** The OpenAPI description of /api/v1/meetings/{id}/addenda; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { created } from '$lib/server/http/openapi-schemas';
import { AddendumInput } from '$lib/server/domain/meetings/lifecycle.service';
import { withLifecycle } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: created('addAddendum', 'lifecycle', 'Adds a dated addendum to approved minutes (the minute-taker)', 'Where the meeting stands now', withLifecycle, {
		body: { AddendumInput },
		errors: [403, 409]
	})
};
