/** The OpenAPI description of /api/v1/meetings/{id}/addenda; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { AddendumInput } from '$lib/server/domain/meetings/lifecycle.service';
import { withLifecycle } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: {
		operationId: 'addAddendum',
		tag: 'lifecycle',
		summary: 'Adds a dated addendum to approved minutes (the minute-taker)',
		body: { AddendumInput },
		success: { status: 201, description: 'Where the meeting stands now', schema: withLifecycle },
		errors: [403, 409]
	}
};
