/** The OpenAPI description of /api/v1/meetings/{id}/material/{materialId}/download; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('downloadMaterial', 'lifecycle', 'Download a version of a decision material', "The file, with the kind's content type", {
		description:
			'Always `Content-Disposition: attachment` (the name as RFC 6266 `filename` and RFC 5987 `filename*`), `X-Content-Type-Options: nosniff`, and the non-page Content-Security-Policy; ETag is the SHA-256 of the bytes.',
		query: { version: { schema: z.string().regex(/^[1-9]\d*$/), description: 'A version number; absent: the current version' } }
	})
};
