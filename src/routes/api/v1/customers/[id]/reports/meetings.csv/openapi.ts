/** The OpenAPI description of /api/v1/customers/{id}/reports/meetings.csv; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { CSV_FORMAT } from '$lib/server/http/openapi-portal';
import { langQuery, file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('exportPortalMeetingsCsv', 'portal', 'The decision register or the open actions as CSV', 'text/csv attachment', {
		description: CSV_FORMAT,
		query: {
			table: { schema: z.enum(['decisions', 'actions']), description: 'Which table (required)' },
			q: { schema: z.string().max(200), description: 'Decisions: only those containing this' },
			...langQuery()
		},
		errors: [403]
	})
};
