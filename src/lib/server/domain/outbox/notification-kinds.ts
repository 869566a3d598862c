/**
 * Every kind of notification Samverkan sends, with how it is delivered when
 * nobody chose otherwise, and whether a person may switch its mail off.
 *
 * The kallelse (invitation, its updates and cancellation) and the request to
 * approve minutes (justering) and its reminder go to people who must act on
 * them, so they always go by mail at once: a person's or a customer admin's
 * choice does not apply to them.
 */
import type { DeliveryMode } from './outbox.tables';

export const NOTIFICATION_KINDS = [
	'meeting.invitation',
	'meeting.updated',
	'meeting.cancelled',
	'material.published',
	'minutes.approval_requested',
	'minutes.approval_reminder',
	'minutes.approved',
	'action.assigned',
	'action.due_soon',
	'action.overdue',
	'action.carried_over',
	'action.escalated',
	'duty.changed'
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Mails about a person's own account (an invitation, a password reset): sent
 * through the same outbox, always by mail at once and never to the bell; no
 * choice applies to them, so they are not among the kinds people choose for.
 */
export const ACCOUNT_MAIL_KINDS = ['account.invitation', 'account.password_reset'] as const;

export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

/** What an outbox row may be. */
export type OutboxKind = NotificationKind | AccountMailKind;

export const isAccountMailKind = (kind: string): kind is AccountMailKind => (ACCOUNT_MAIL_KINDS as readonly string[]).includes(kind);

interface KindRule {
	/** how it is delivered when neither the person nor their customer admin chose */
	defaultMode: DeliveryMode;
	/** always by mail at once, whatever was chosen */
	mandatory: boolean;
}

const RULES: Record<NotificationKind, KindRule> = {
	'meeting.invitation': { defaultMode: 'email', mandatory: true },
	'meeting.updated': { defaultMode: 'email', mandatory: true },
	'meeting.cancelled': { defaultMode: 'email', mandatory: true },
	'material.published': { defaultMode: 'email', mandatory: false },
	'minutes.approval_requested': { defaultMode: 'email', mandatory: true },
	'minutes.approval_reminder': { defaultMode: 'email', mandatory: true },
	'minutes.approved': { defaultMode: 'email', mandatory: false },
	'action.assigned': { defaultMode: 'email', mandatory: false },
	'action.due_soon': { defaultMode: 'digest', mandatory: false },
	'action.overdue': { defaultMode: 'digest', mandatory: false },
	'action.carried_over': { defaultMode: 'digest', mandatory: false },
	'action.escalated': { defaultMode: 'email', mandatory: false },
	'duty.changed': { defaultMode: 'email', mandatory: false }
};

export const kindRule = (kind: NotificationKind): KindRule => RULES[kind];

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

export const DELIVERY_MODES: readonly DeliveryMode[] = ['email', 'digest', 'inapp'];

/**
 * How a person is told of one kind: mandatory kinds by mail at once;
 * otherwise their own choice, else their customer admin's default, else the kind's.
 */
export function deliveryMode(kind: NotificationKind, own: DeliveryMode | undefined, customerDefault: DeliveryMode | undefined): DeliveryMode {
	const rule = kindRule(kind);
	if (rule.mandatory) return 'email';
	return own ?? customerDefault ?? rule.defaultMode;
}
