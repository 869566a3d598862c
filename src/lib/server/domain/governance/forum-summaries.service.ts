/**
 * Read models for overview pages (home, customer page): compact forum
 * summaries with cadence status, chair and next meeting, and "my forums".
 * Every function authorizes through policy.ts (via listForums) before it
 * queries.
 */
import type { Db } from '$lib/server/db';
import type { ForumLevel } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import type { CadenceStatus } from './cadence';
import { authorize } from '../policy';
import { listCustomerRows } from '../tenancy/tenancy.repository';
import type { ForumKey, Localized } from './catalogue.types';
import { forumIdsOfMember, listUnendedMeetingsOfForums } from './forums.repository';
import { listForums, type DutyView, type ForumView } from './forums.service';

export interface NextMeeting {
	id: string;
	title: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
}

export interface ForumSummary {
	id: string;
	customerId: string;
	templateKey: ForumKey | null;
	level: ForumLevel;
	name: Localized;
	cadenceText: Localized;
	cadence: CadenceStatus;
	chair: DutyView | null;
	memberCount: number;
	/** the actor sits in this forum */
	isMember: boolean;
	nextMeeting: NextMeeting | null;
}

export interface CustomerForums {
	customerId: string;
	customerName: string;
	forums: ForumSummary[];
}

export interface MyForums {
	/** 'member': forums I sit in; 'all': every forum I may see (no memberships) */
	scope: 'member' | 'all';
	customers: CustomerForums[];
}

/** The first meeting of each forum that has not ended yet. */
async function nextMeetings(db: Db, forumIds: string[], now: Date): Promise<Map<string, NextMeeting>> {
	const next = new Map<string, NextMeeting>();
	if (forumIds.length === 0) return next;
	const rows = await listUnendedMeetingsOfForums(db, forumIds, now.toISOString());
	for (const r of rows) {
		if (!next.has(r.forum_id)) {
			next.set(r.forum_id, { id: r.id, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at, location: r.location });
		}
	}
	return next;
}

function summarize(f: ForumView, actor: Actor, next: Map<string, NextMeeting>): ForumSummary {
	return {
		id: f.id,
		customerId: f.customerId,
		templateKey: f.templateKey,
		level: f.level,
		name: f.name,
		cadenceText: f.content.cadenceText,
		cadence: f.cadence,
		chair: f.duties.find((d) => d.duty === 'chair') ?? null,
		memberCount: f.members.length,
		isMember: f.members.some((m) => m.personId === actor.personId),
		nextMeeting: next.get(f.id) ?? null
	};
}

/** A customer's forums as summaries, in the customer's forum order. */
export async function listForumSummaries(db: Db, actor: Actor, customerId: string, now = new Date()): Promise<ForumSummary[]> {
	const forums = await listForums(db, actor, customerId);
	const next = await nextMeetings(db, forums.map((f) => f.id), now);
	return forums.map((f) => summarize(f, actor, next));
}

/**
 * "My forums" for the home page: the forums I am a member of, grouped by
 * customer. Supplier staff without memberships see every customer's forums; a
 * customer's people see all of their own customer's forums (the ones they sit
 * in are flagged with isMember).
 */
export async function listMyForums(db: Db, actor: Actor, now = new Date()): Promise<MyForums> {
	if (!isSupplier(actor)) {
		if (!actor.customerId) return { scope: 'all', customers: [] };
		authorize(actor, 'forum.read', { customerId: actor.customerId, kind: 'Customer' });
		const [customer] = await listCustomerRows(db, actor.customerId);
		if (!customer) return { scope: 'all', customers: [] };
		const forums = await listForumSummaries(db, actor, customer.id, now);
		const scope = forums.some((f) => f.isMember) ? 'member' : 'all';
		return { scope, customers: [{ customerId: customer.id, customerName: customer.name, forums }] };
	}
	authorize(actor, 'customer.list');
	const mine = new Set(await forumIdsOfMember(db, actor.personId));
	const customers = await listCustomerRows(db, null);
	const groups: CustomerForums[] = [];
	for (const c of customers) {
		const forums = await listForumSummaries(db, actor, c.id, now);
		const shown = mine.size > 0 ? forums.filter((f) => mine.has(f.id)) : forums;
		if (shown.length > 0 || mine.size === 0) groups.push({ customerId: c.id, customerName: c.name, forums: shown });
	}
	return { scope: mine.size > 0 ? 'member' : 'all', customers: groups };
}
