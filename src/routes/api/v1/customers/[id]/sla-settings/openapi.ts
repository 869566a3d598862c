/** The OpenAPI description of /api/v1/customers/{id}/sla-settings; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { SlaSettingsInput } from '$lib/server/domain/itsm/sla/sla-settings.service';
import { SlaSettings } from '$lib/server/http/openapi-itsm';
import { one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getSlaSettings',
		tag: 'itsm',
		summary: "The customer's SLA definitions, calendar and pause statuses (defaults until set)",
		description: "A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		success: { status: 200, description: 'The settings', schema: one('settings', SlaSettings) },
		errors: [403]
	},
	PUT: {
		operationId: 'updateSlaSettings',
		tag: 'itsm',
		summary: 'Replace the SLA settings (supplier admin); every ticket is recomputed',
		description: 'Targets in minutes of working time; calendar business (businessHours minus holidays) or 24x7. pauseStatuses are raw status names, a trailing * matches any ending.',
		body: { SlaSettingsInput },
		success: { status: 200, description: 'The new settings', schema: one('settings', SlaSettings) },
		errors: [403]
	}
};
