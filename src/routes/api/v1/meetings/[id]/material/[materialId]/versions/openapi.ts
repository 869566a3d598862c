/** The OpenAPI description of /api/v1/meetings/{id}/material/{materialId}/versions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { Material } from '$lib/server/http/openapi-lifecycle';
import { created, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: created('uploadMaterialVersion', 'lifecycle', 'Upload a new version of a decision material', 'The material with the new version current', one('material', Material), {
		description: 'The body is the file, checked as for a new material; the earlier versions are kept and can still be downloaded.',
		rawBody: { contentTypes: ['application/octet-stream'], description: 'The file' },
		query: { fileName: { schema: z.string(), description: 'The file name (its extension decides the kind)', required: true } },
		errors: [403, 409, 413]
	})
};
