/** The OpenAPI description of /api/v1/customers/{id}/notification-defaults; assembled by $lib/server/http/openapi. */
import { ChoicesInput } from '$lib/server/domain/notifications/preferences.service';
import type { RouteDescription } from '$lib/server/http/openapi';
import { NotificationChoice } from '$lib/server/http/openapi-notifications';
import { list, ok } from '$lib/server/http/openapi-schemas';

const Defaults = list('defaults', NotificationChoice);

export const openapi: RouteDescription = {
	GET: ok('getNotificationDefaults', 'notifications', "How the customer's people are told of each kind when they chose nothing themselves", 'The defaults', Defaults, {
		description: "The customer's admin or a supplier admin (403 for others of the customer).",
		errors: [403]
	}),
	PUT: ok('setNotificationDefaults', 'notifications', "Change the customer's defaults (the kinds named)", 'The defaults now', Defaults, {
		description: "mode null returns a kind to the standard. Mandatory kinds take only 'email' or null (400, code notification.mandatory); a locale is refused (each person chooses their own). Recorded in the audit log.",
		body: { ChoicesInput },
		errors: [403]
	})
};
