/** The OpenAPI description of /api/v1/meetings/{id}/lifecycle; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { withLifecycle } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getMeetingLifecycle',
		tag: 'lifecycle',
		summary: 'Where the meeting stands: steps with who and when, approvals, addenda, what the viewer may do',
		success: { status: 200, description: 'The lifecycle', schema: withLifecycle }
	}
};
