/** The OpenAPI description of /api/v1/meetings/{id}/minutes; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { EXPORT_FORMATS } from '$lib/server/domain/exports/export-format';
import { langQuery, file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('exportMinutes', 'meetings', 'The approved minutes as PDF, HTML or Markdown', 'application/pdf, text/html or text/markdown', {
		description:
			'Renders what approval froze, with any later addenda. `application/pdf` (PDF/A-2b, fonts embedded), `text/html` (standalone, no scripts) or `text/markdown`. 409 while the minutes are not approved.',
		query: { format: { schema: z.enum(EXPORT_FORMATS).default('pdf'), description: 'pdf (default), html or md' }, ...langQuery() },
		errors: [409]
	})
};
