/** Row types of the notification tables (migrations/2026-12-06T1630_notifications.ts), composed into db/schema.ts. */
import type { NotificationKind, OutboxKind } from './notification-kinds';

export type OutboxChannel = 'email' | 'inapp';
/**
 * pending: due for delivery at next_attempt_at; digest: waits for the
 * recipient's daily digest; sent: delivered; kept: no mail server is
 * configured, so the mail stays readable in the outbox page; dead: every
 * attempt failed, an admin may resend.
 */
export type OutboxStatus = 'pending' | 'digest' | 'sent' | 'kept' | 'dead';
/** email: sent at once; digest: gathered into one mail a day; inapp: only the bell. */
export type DeliveryMode = 'email' | 'digest' | 'inapp';

export interface NotificationOutboxTable {
	id: string;
	idempotency_key: string;
	kind: OutboxKind;
	customer_id: string | null;
	person_id: string;
	channel: OutboxChannel;
	payload: string;
	status: OutboxStatus;
	attempts: number;
	next_attempt_at: string;
	lease_owner: string | null;
	lease_until: string | null;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
	read_at: string | null;
}

export interface NotificationPreferencesTable {
	person_id: string;
	kind: NotificationKind;
	mode: DeliveryMode;
	updated_at: string;
}

export interface NotificationDefaultsTable {
	customer_id: string;
	kind: NotificationKind;
	mode: DeliveryMode;
	updated_by: string | null;
	updated_at: string;
}

export interface NotificationSettingsTable {
	person_id: string;
	locale: 'sv' | 'en';
	updated_at: string;
}

export interface OutboxTables {
	notification_outbox: NotificationOutboxTable;
	notification_preferences: NotificationPreferencesTable;
	notification_defaults: NotificationDefaultsTable;
	notification_settings: NotificationSettingsTable;
}
