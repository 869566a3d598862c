/** The OpenAPI description of /api/v1/me/notification-preferences; assembled by $lib/server/http/openapi. */
import { ChoicesInput } from '$lib/server/domain/notifications/preferences.service';
import type { RouteDescription } from '$lib/server/http/openapi';
import { NotificationPreferences } from '$lib/server/http/openapi-notifications';
import { one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getMyNotificationPreferences', 'notifications', 'How the caller is told of each kind of notification, and in which language', 'The choices', one('preferences', NotificationPreferences), {
		errors: [403]
	}),
	PUT: ok('setMyNotificationPreferences', 'notifications', "Change the caller's choices (the kinds named) and mail language", 'The choices now', one('preferences', NotificationPreferences), {
		description:
			"mode null follows the default again. A mandatory kind (kallelse, justering request) takes only 'email' or null: anything else is refused (400, code notification.mandatory) and nothing is saved. Without a locale and none saved yet, the caller's UI language is saved.",
		body: { ChoicesInput },
		errors: [403]
	})
};
