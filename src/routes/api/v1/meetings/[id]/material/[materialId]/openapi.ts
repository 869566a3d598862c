/** The OpenAPI description of /api/v1/meetings/{id}/material/{materialId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { Material } from '$lib/server/http/openapi-lifecycle';
import { ok, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getMaterial', 'lifecycle', 'One decision material with its versions', 'The material', one('material', Material), {
		description: 'Supplier-internal material answers 404 to a customer, as an unknown id does.'
	})
};
