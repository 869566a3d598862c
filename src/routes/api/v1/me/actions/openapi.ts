/** The OpenAPI description of /api/v1/me/actions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ActionItem } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'myActions',
		tag: 'actions',
		summary: 'Unfinished action items I own, across forums and customers',
		success: { status: 200, description: 'Action items', schema: z.strictObject({ actions: z.array(ActionItem) }) }
	}
};
