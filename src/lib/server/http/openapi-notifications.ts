/**
 * Response schemas of the notifications part of the OpenAPI document: a
 * person's bell and their choices, a customer's defaults. The operations are
 * described next to their routes; openapi.ts assembles the document.
 */
import { z } from 'zod';
import { DELIVERY_MODES, NOTIFICATION_KINDS } from '../domain/outbox/notification-kinds';
import { NOTIFICATION_GROUPS } from '../domain/notifications/preferences.service';
import { timestamp, uuid } from './openapi-schemas';

const Mode = z.enum(DELIVERY_MODES as ['email', 'digest', 'inapp']);

export const InboxNotification = z.strictObject({
	id: uuid(),
	kind: z.enum(NOTIFICATION_KINDS),
	headline: z.string().describe("One line in the caller's language"),
	href: z.string().describe('The page it is about, a path of this app'),
	createdAt: timestamp(),
	readAt: timestamp().nullable()
});

export const NotificationChoice = z.strictObject({
	kind: z.enum(NOTIFICATION_KINDS),
	group: z.enum(Object.keys(NOTIFICATION_GROUPS) as [keyof typeof NOTIFICATION_GROUPS]),
	mandatory: z.boolean().describe('Always sent by e-mail at once, whatever was chosen'),
	mode: Mode.describe('How it is delivered now'),
	source: z.enum(['mandatory', 'own', 'customer', 'default']).describe('Where the mode comes from'),
	own: Mode.nullable().describe("The person's own choice (on a customer's defaults: the customer's)"),
	fallback: Mode.describe('What applies without an own choice'),
	fallbackSource: z.enum(['customer', 'default'])
});

export const NotificationPreferences = z.strictObject({
	kinds: z.array(NotificationChoice),
	locale: z.enum(['sv', 'en']).describe('The language of mails'),
	localeSaved: z.boolean().describe('false: never chosen, mails go in Swedish')
});

export const NOTIFICATIONS_OUTPUT_SCHEMAS = { InboxNotification, NotificationChoice, NotificationPreferences } satisfies Record<string, z.ZodType>;
