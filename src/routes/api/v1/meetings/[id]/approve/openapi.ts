/** The OpenAPI description of /api/v1/meetings/{id}/approve; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { Lifecycle, step } from '$lib/server/http/openapi-meetings';
import { langQuery } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: {
		...step('approveMinutes', 'Approves (justerar) the minutes as chair or adjuster', 'The second approval locks the minutes and agenda for everyone and freezes the approved version.'),
		query: langQuery('Language the figure tables are frozen in when this approval completes the minutes; default the caller\'s language (Swedish)'),
		success: {
			status: 200,
			description: 'The approval and where the meeting stands now',
			schema: z.strictObject({ approved: z.boolean(), role: z.enum(['chair', 'adjuster']), lifecycle: Lifecycle })
		}
	}
};
