/** The OpenAPI description of /api/v1/meetings/{id}/lifecycle; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { withLifecycle } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: ok('getMeetingLifecycle', 'lifecycle', 'Where the meeting stands: steps with who and when, approvals, addenda, what the viewer may do', 'The lifecycle', withLifecycle)
};
