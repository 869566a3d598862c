/** The OpenAPI description of /api/v1/customers/{id}/actions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { ACTION_QUERY, ActionItem } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: ok('listCustomerActions', 'actions', "Action items of all the customer's forums, earliest due first", 'Action items', z.strictObject({ actions: z.array(ActionItem) }), {
		query: ACTION_QUERY
	})
};
