/** The OpenAPI description of /api/v1/meetings/{id}/cancel; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CancelInput } from '$lib/server/domain/meetings/lifecycle.service';
import { step } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: {
		...step(
			'cancelMeeting',
			'Cancels (ställer in) a meeting that has not started (whoever may publish its agenda)',
			'If its agenda was published, every member of the forum is sent the cancellation with a calendar METHOD:CANCEL of the same entry. A started or cancelled meeting answers 409.'
		),
		body: { CancelInput }
	}
};
