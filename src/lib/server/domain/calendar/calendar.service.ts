/**
 * Meeting invitations (.ics per meeting) and the personal calendar feed: a
 * secret URL per person that calendar programs poll without a session. Only
 * the token's SHA-256 is stored; the URL is shown once, when it is created.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Executor } from '$lib/server/db';
import type { Access } from '$lib/domain-types';
import { isSupplier, type Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import type { AgendaItemTemplate } from '../governance/catalogue.types';
import { forumIdsOfMember } from '../governance/forums.repository';
import { requireMeeting } from '../meeting-core/meeting-context';
import { forbidden } from '../errors';
import { nowIso } from '../ids';
import { authorize } from '../policy';
import {
	agendaTitlesOf,
	calendarMeetingById,
	calendarMeetingsBetween,
	customersWithRolesOf,
	deleteFeed,
	findFeed,
	findFeedOwner,
	replaceFeed,
	touchFeed,
	type CalendarMeetingRow
} from './calendar.repository';
import { meetingsCalendar, type CalendarMeeting } from './ics';

/** How far back and ahead a feed reaches. */
export const FEED_PAST_DAYS = 90;
export const FEED_FUTURE_DAYS = 365;
/** Note the feed's last use at most this often: calendar programs poll every few minutes. */
const TOUCH_INTERVAL_MS = 3600 * 1000;

type Locale = 'sv' | 'en';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The agenda as the meeting has it (projected from its document), else the forum's standard agenda. */
async function toCalendarMeetings(db: Executor, rows: CalendarMeetingRow[], locale: Locale): Promise<CalendarMeeting[]> {
	const items = await agendaTitlesOf(db, rows.map((r) => r.id));
	return rows.map((r) => {
		const own = items.filter((i) => i.meeting_id === r.id).map((i) => i.title);
		const standard = (JSON.parse(r.content) as { agenda?: AgendaItemTemplate[] }).agenda ?? [];
		return {
			id: r.id,
			title: r.title,
			forumName: locale === 'en' ? r.name_en || r.name_sv : r.name_sv,
			customerName: r.customer_name,
			startsAt: r.starts_at,
			endsAt: r.ends_at,
			location: r.location,
			videoUrl: r.video_url,
			agendaTitles: own.length ? own : standard.map((a) => a.title[locale] || a.title.sv),
			createdAt: r.created_at,
			updatedAt: r.updated_at
		};
	});
}

/** The invitation of one meeting (GET /meetings/{id}/invite.ics). */
export async function meetingInvitationIcs(db: Db, actor: Actor, meetingId: string, origin: string, locale: Locale = 'sv'): Promise<string> {
	const ref = await requireMeeting(db, meetingId);
	authorize(actor, 'meeting.read', { customerId: ref.customer_id, kind: 'Meeting' });
	const rows = await calendarMeetingById(db, ref.id);
	const meetings = await toCalendarMeetings(db, rows, locale);
	return meetingsCalendar(meetings, { origin, name: meetings[0]?.title ?? 'Samverkan', locale });
}

export interface FeedStatus {
	active: boolean;
	createdAt: string | null;
	lastUsedAt: string | null;
}

export async function calendarFeedStatus(db: Db, actor: Actor): Promise<FeedStatus> {
	const row = await findFeed(db, actor.personId);
	return { active: row !== undefined, createdAt: row?.created_at ?? null, lastUsedAt: row?.last_used_at ?? null };
}

/**
 * Creates the person's feed, or replaces it (the old URL stops working at
 * once). Returns the token: the only time it is ever available.
 */
export async function createCalendarFeed(db: Db, actor: Actor): Promise<{ token: string; status: FeedStatus }> {
	// a feed belongs to a person who signs in, never to an integration's API token
	if (actor.token) throw forbidden();
	const token = randomBytes(32).toString('base64url');
	const now = nowIso();
	await db.transaction().execute(async (tx) => {
		const existed = await replaceFeed(tx, actor.personId, digest(token), now);
		await recordAudit(tx, actor, {
			action: existed ? 'calendar.feed.regenerate' : 'calendar.feed.create',
			entity: 'person',
			entityId: actor.personId,
			customerId: actor.customerId
		});
	});
	return { token, status: { active: true, createdAt: now, lastUsedAt: null } };
}

export async function revokeCalendarFeed(db: Db, actor: Actor): Promise<FeedStatus> {
	await db.transaction().execute(async (tx) => {
		if (await deleteFeed(tx, actor.personId)) {
			await recordAudit(tx, actor, { action: 'calendar.feed.revoke', entity: 'person', entityId: actor.personId, customerId: actor.customerId });
		}
	});
	return { active: false, createdAt: null, lastUsedAt: null };
}

interface FeedOwner {
	personId: string;
	name: string;
	access: Access;
	customerId: string | null;
}

/** The token's owner, if the token is known and the owner may still sign in. */
async function feedOwner(db: Db, token: string, now: Date): Promise<FeedOwner | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const row = await findFeedOwner(db, digest(token));
	if (!row || row.disabled_at) return null;
	if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
		await touchFeed(db, row.id, now.toISOString());
	}
	return { personId: row.id, name: row.name, access: row.access, customerId: row.customer_id };
}

/**
 * The meetings a person's feed lists: those of the forums they are a member
 * of. Supplier staff who sit in no forum get the meetings of every customer
 * they hold a role in (all customers when they hold none, as on the home
 * page); a customer's people without membership get their customer's. A
 * customer's person never gets another customer's meeting, whatever the data.
 */
async function feedMeetingRows(db: Executor, owner: FeedOwner, now: Date): Promise<CalendarMeetingRow[]> {
	const from = new Date(now.getTime() - FEED_PAST_DAYS * 86400_000).toISOString();
	const to = new Date(now.getTime() + FEED_FUTURE_DAYS * 86400_000).toISOString();
	const supplier = isSupplier(owner);
	const customerId = supplier ? undefined : (owner.customerId ?? '');
	const forums = await forumIdsOfMember(db, owner.personId);
	if (forums.length > 0) return calendarMeetingsBetween(db, { from, to, customerId, forumIds: forums });
	const customers = supplier ? await customersWithRolesOf(db, owner.personId) : [];
	return calendarMeetingsBetween(db, { from, to, customerId, customerIds: customers.length > 0 ? customers : undefined });
}

/** GET /calendar/{token}.ics: null for an unknown or revoked token (answered 404). */
// no actor: the secret token in the feed URL is the credential (calendar apps send no cookie); it names its owner, whose rights the feed then applies
export async function feedIcs(db: Db, token: string, origin: string, locale: Locale = 'sv', now = new Date()): Promise<string | null> {
	const owner = await feedOwner(db, token, now);
	if (!owner) return null;
	const meetings = await toCalendarMeetings(db, await feedMeetingRows(db, owner, now), locale);
	return meetingsCalendar(meetings, { origin, name: `Samverkan: ${owner.name}`, locale });
}
