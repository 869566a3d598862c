/**
 * Did the decision material go out in time? The forum's rule "material out N
 * days before the meeting" (forums.material_lead_days) against the first
 * version of each material the customer sees (supplier-internal material is
 * not handed out, so it does not count). One answer for the meeting page's
 * lifecycle panel and the API.
 */

export interface MaterialTiming {
	/** the forum's rule; null: no rule */
	leadDays: number | null;
	/** meeting start − leadDays × 24 h; null without a rule */
	deadline: string | null;
	/**
	 * none: no material yet; in_time: every material's first version came by
	 * the deadline; late: the last one came `daysLate` days after it;
	 * no_rule: material there, but the forum sets no lead time
	 */
	state: 'none' | 'in_time' | 'late' | 'no_rule';
	/** whole days (rounded up) the latest first version came after the deadline; 0 unless late */
	daysLate: number;
	/** no material yet and the deadline has passed */
	overdue: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `firstUploads`: when each handed-out material's first version came (ISO). */
export function materialTiming(startsAt: string, leadDays: number | null, firstUploads: readonly string[], now: Date = new Date()): MaterialTiming {
	const deadlineMs = leadDays === null ? null : Date.parse(startsAt) - leadDays * DAY_MS;
	const deadline = deadlineMs === null ? null : new Date(deadlineMs).toISOString();
	if (firstUploads.length === 0) return { leadDays, deadline, state: 'none', daysLate: 0, overdue: deadlineMs !== null && now.getTime() > deadlineMs };
	if (deadlineMs === null) return { leadDays, deadline, state: 'no_rule', daysLate: 0, overdue: false };
	const latest = Math.max(...firstUploads.map((at) => Date.parse(at)));
	if (latest <= deadlineMs) return { leadDays, deadline, state: 'in_time', daysLate: 0, overdue: false };
	return { leadDays, deadline, state: 'late', daysLate: Math.max(1, Math.ceil((latest - deadlineMs) / DAY_MS)), overdue: false };
}
