/**
 * The time-based notifications (issue 16), queued by a sweep every delivery
 * worker runs now and then (notifications/delivery-worker.ts), and tests run
 * with a given `now`:
 * - 'action.due_soon' to an unfinished action's owner from DUE_SOON_DAYS
 *   days before its due date (once per due date);
 * - 'action.overdue' to its owner every day after the due date (once a day);
 * - 'minutes.approval_reminder' to the chair and adjuster who have not
 *   approved, every `approval_reminder_days` after the meeting ended (once
 *   per period).
 * Each key names its occasion (the day, the due date, the period), and
 * notification_outbox.idempotency_key is unique: two instances sweeping at
 * once, or one sweeping every ten minutes, queue each reminder once.
 * So the sweep needs no transaction of its own: each reminder is queued on
 * its own, and one cut short is queued by the next sweep.
 */
import type { Db } from '$lib/server/db';
import { queueActionNotice } from '../meeting-core/action-notices';
import { listDueActions } from '../meeting-core/action-notices.repository';
import { todayInStockholm } from './actions.service';
import { queueApprovalReminders } from './meeting-notifications';
import { actionReminder, dayAfter, DUE_SOON_DAYS, reminderPeriod } from './reminder-rules';
import { listMeetingsAwaitingApproval } from './reminders.repository';

export interface SweepResult {
	dueSoon: number;
	overdue: number;
	approvalReminders: number;
}

export async function sweepReminders(db: Db, now = new Date()): Promise<SweepResult> {
	const result: SweepResult = { dueSoon: 0, overdue: 0, approvalReminders: 0 };
	const today = todayInStockholm(now);
	for (const a of await listDueActions(db, dayAfter(today, DUE_SOON_DAYS))) {
		const what = actionReminder(a.due_date!, today);
		if (what === 'due_soon') {
			await queueActionNotice(db, 'action.due_soon', `${a.id}:${a.due_date}`, a, [a.owner_person_id!], undefined, now);
			result.dueSoon++;
		} else if (what === 'overdue') {
			await queueActionNotice(db, 'action.overdue', `${a.id}:${today}`, a, [a.owner_person_id!], undefined, now);
			result.overdue++;
		}
	}
	for (const m of await listMeetingsAwaitingApproval(db)) {
		const period = reminderPeriod(m.ended_at!, now, m.approval_reminder_days);
		if (period < 1) continue;
		await queueApprovalReminders(db, m.id, period, now);
		result.approvalReminders++;
	}
	return result;
}
