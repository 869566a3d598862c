/** The OpenAPI description of /api/v1/customers/{id}/sla-settings; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { SlaSettingsInput } from '$lib/server/domain/itsm/sla/sla-settings.service';
import { SlaSettings } from '$lib/server/http/openapi-itsm';
import { one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getSlaSettings', 'itsm', "The customer's SLA definitions, calendar and pause statuses (defaults until set)", 'The settings', one('settings', SlaSettings), {
		description: "A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		errors: [403]
	}),
	PUT: ok('updateSlaSettings', 'itsm', 'Replace the SLA settings (supplier admin); every ticket is recomputed', 'The new settings', one('settings', SlaSettings), {
		description: 'Targets in minutes of working time; calendar business (businessHours minus holidays) or 24x7. pauseStatuses are raw status names, a trailing * matches any ending.',
		body: { SlaSettingsInput },
		errors: [403]
	})
};
