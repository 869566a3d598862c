/** What the action components share: the people an action can be given to, and the status words. */
import type { Party } from '$lib/domain-types';
import { m } from '$lib/paraglide/messages';
import type { ActionStatus } from '$lib/realtime/actions-doc';

/** A person of the forum, of either side, who can own an action. */
export interface ActionPerson {
	id: string;
	name: string;
	side: Party;
}

export const actionStatusLabel: Record<ActionStatus, () => string> = {
	open: m.actions_status_open,
	in_progress: m.actions_status_in_progress,
	done: m.actions_status_done,
	cancelled: m.actions_status_cancelled
};

/** Open and in-progress actions are still to be done. */
export const isUnfinished = (status: ActionStatus): boolean => status === 'open' || status === 'in_progress';
