/** The OpenAPI description of /api/v1/me/actions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { ActionItem } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: ok('myActions', 'actions', 'Unfinished action items I own, across forums and customers', 'Action items', z.strictObject({ actions: z.array(ActionItem) }))
};
