/**
 * How each person is told of each kind of notification, and the defaults a
 * customer admin sets for their people. The rule itself (mandatory kinds
 * always by mail; own choice > customer default > the kind's default) is
 * `deliveryMode` in outbox/notification-kinds.ts; this shows it and changes
 * the choices.
 *
 * A mandatory kind (the kallelse, the justering request) cannot be switched
 * off: asking for anything but mail for it is refused with a field error, and
 * nothing of the request is saved.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { forbidden, invalid, notFound } from '../errors';
import { nowIso } from '../ids';
import { authorize } from '../policy';
import { findCustomer } from '../tenancy/tenancy.repository';
import { parseInput } from '../validation';
import { DELIVERY_MODES, deliveryMode, kindRule, NOTIFICATION_KINDS, type NotificationKind } from '../outbox/notification-kinds';
import type { DeliveryMode } from '../outbox/outbox.tables';
import { findMailLocale, listCustomerDefaults, listOwnChoices, saveCustomerDefault, saveMailLocale, saveOwnChoice } from '../outbox/outbox.repository';

/** The groups the choices are shown in, in this order. */
export const NOTIFICATION_GROUPS = {
	meetings: ['meeting.invitation', 'meeting.updated', 'meeting.cancelled'],
	minutes: ['minutes.approval_requested', 'minutes.approval_reminder', 'minutes.approved'],
	actions: ['action.assigned', 'action.due_soon', 'action.overdue', 'action.carried_over', 'action.escalated'],
	duties: ['duty.changed'],
	material: ['material.published']
} as const satisfies Record<string, readonly NotificationKind[]>;
export type NotificationGroup = keyof typeof NOTIFICATION_GROUPS;

/** Where the mode in effect comes from. */
export type ModeSource = 'mandatory' | 'own' | 'customer' | 'default';

export interface KindChoice {
	kind: NotificationKind;
	group: NotificationGroup;
	mandatory: boolean;
	/** how it is delivered now */
	mode: DeliveryMode;
	source: ModeSource;
	/** the person's own choice (for a customer's defaults: the customer's) */
	own: DeliveryMode | null;
	/** what applies without an own choice */
	fallback: DeliveryMode;
	fallbackSource: 'customer' | 'default';
}

export interface MyPreferences {
	kinds: KindChoice[];
	/** the mail language in effect */
	locale: 'sv' | 'en';
	/** whether the person chose it (otherwise mails go in Swedish) */
	localeSaved: boolean;
}

const KIND_ORDER: { kind: NotificationKind; group: NotificationGroup }[] = Object.entries(NOTIFICATION_GROUPS).flatMap(([group, kinds]) =>
	kinds.map((kind) => ({ kind, group: group as NotificationGroup }))
);

function choicesOf(own: Map<string, DeliveryMode>, customer: Map<string, DeliveryMode>, customerSide: boolean): KindChoice[] {
	return KIND_ORDER.map(({ kind, group }) => {
		const rule = kindRule(kind);
		const mine = own.get(kind) ?? null;
		const theirs = customerSide ? undefined : customer.get(kind);
		const fallback = theirs ?? rule.defaultMode;
		const mode = deliveryMode(kind, mine ?? undefined, theirs);
		const source: ModeSource = rule.mandatory ? 'mandatory' : mine ? 'own' : theirs ? 'customer' : 'default';
		return { kind, group, mandatory: rule.mandatory, mode, source, own: mine, fallback, fallbackSource: theirs ? 'customer' : 'default' };
	});
}

const asMap = (rows: { kind: string; mode: DeliveryMode }[]) => new Map(rows.map((r) => [r.kind, r.mode]));

export const ChoicesInput = z.strictObject({
	/** per kind: a mode, or null to follow the default again; kinds not named stay as they are */
	choices: z
		.array(z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), mode: z.enum(DELIVERY_MODES as [DeliveryMode, ...DeliveryMode[]]).nullable() }))
		.max(NOTIFICATION_KINDS.length * 2)
		.default([]),
	/** the mail language (a person's own only) */
	locale: z.enum(['sv', 'en']).optional()
});
export type ChoicesInput = z.input<typeof ChoicesInput>;

/** Parses and checks a set of choices: a mandatory kind may only be mail (or follow its default). */
function parseChoices(input: unknown): z.output<typeof ChoicesInput> {
	const parsed = parseInput(ChoicesInput, input);
	const fields: Record<string, 'notification.mandatory'> = {};
	parsed.choices.forEach((c, i) => {
		if (kindRule(c.kind).mandatory && c.mode !== null && c.mode !== 'email') fields[`choices.${i}.mode`] = 'notification.mandatory';
	});
	if (Object.keys(fields).length) throw invalid('A mandatory notification is always sent by e-mail', fields);
	return parsed;
}

function ownPerson(actor: Actor): string {
	if (actor.token) throw forbidden('Notification choices belong to a signed-in person');
	return actor.personId;
}

/** The actor's own choices as the settings page shows them. */
export async function myPreferences(db: Executor, actor: Actor): Promise<MyPreferences> {
	const personId = ownPerson(actor);
	const [own, customer, locale] = await Promise.all([
		listOwnChoices(db, personId),
		actor.customerId ? listCustomerDefaults(db, actor.customerId) : Promise.resolve([]),
		findMailLocale(db, personId)
	]);
	return { kinds: choicesOf(asMap(own), asMap(customer), false), locale: locale ?? 'sv', localeSaved: locale !== undefined };
}

/**
 * Saves the actor's own choices and mail language in one transaction. Without
 * a language and none saved before, the language of the UI they use now is
 * saved (they read Samverkan in it, so their mails should be too).
 */
export async function saveMyPreferences(db: Db, actor: Actor, input: unknown, uiLocale: 'sv' | 'en'): Promise<MyPreferences> {
	const personId = ownPerson(actor);
	const { choices, locale } = parseChoices(input);
	const at = nowIso();
	await db.transaction().execute(async (tx) => {
		for (const c of choices) await saveOwnChoice(tx, personId, c.kind, c.mode, at);
		const saved = await findMailLocale(tx, personId);
		if (locale || !saved) await saveMailLocale(tx, personId, locale ?? uiLocale, at);
	});
	return myPreferences(db, actor);
}

/** 404 for another customer's people (and an unknown customer), 403 for this customer's people who are not its admin. */
async function defaultsOf(db: Executor, actor: Actor, customerId: string): Promise<void> {
	authorize(actor, 'notification.defaults', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
}

/** A customer's defaults for its people, as the admin's grid shows them. */
export async function customerDefaults(db: Executor, actor: Actor, customerId: string): Promise<KindChoice[]> {
	await defaultsOf(db, actor, customerId);
	return choicesOf(asMap(await listCustomerDefaults(db, customerId)), new Map(), true);
}

export async function saveCustomerDefaults(db: Db, actor: Actor, customerId: string, input: unknown): Promise<KindChoice[]> {
	await defaultsOf(db, actor, customerId);
	const { choices, locale } = parseChoices(input);
	if (locale !== undefined) throw invalid('A customer has no mail language; each person chooses their own', { locale: 'field.unknown_key' });
	const at = nowIso();
	await db.transaction().execute(async (tx) => {
		const before = Object.fromEntries(asMap(await listCustomerDefaults(tx, customerId)));
		for (const c of choices) await saveCustomerDefault(tx, customerId, c.kind, c.mode, actor.personId, at);
		const after = Object.fromEntries(asMap(await listCustomerDefaults(tx, customerId)));
		await recordAudit(tx, actor, { action: 'notification_defaults.set', entity: 'customer', entityId: customerId, customerId, before, after });
	});
	return customerDefaults(db, actor, customerId);
}
