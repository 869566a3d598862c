/** The OpenAPI description of /api/v1/customers/{id}/actions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ACTION_QUERY, ActionItem } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listCustomerActions',
		tag: 'actions',
		summary: "Action items of all the customer's forums, earliest due first",
		query: ACTION_QUERY,
		success: { status: 200, description: 'Action items', schema: z.strictObject({ actions: z.array(ActionItem) }) }
	}
};
