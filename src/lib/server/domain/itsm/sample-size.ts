/**
 * How many tickets a share needs before it is shown as a percentage. A month
 * or a priority with fewer decided tickets than the minimum is shown as "för
 * få ärenden" / "too few tickets" (two tickets make 50 % or 100 %, which says
 * nothing), and every shown share carries the number of tickets behind it.
 * The minimum is ITSM_MIN_TICKETS (default 10) for the installation; the SLA
 * report, the room's slides, the meeting's figures, the portal and the API
 * all ask this module.
 */
import { config } from '$lib/server/config';

export const DEFAULT_MIN_TICKETS = 10;

/** The installation's minimum (ITSM_MIN_TICKETS). */
export const minTickets = (): number => config().ITSM_MIN_TICKETS;

/** Whether `tickets` are too few to show a share of them. */
export const isTooFewTickets = (tickets: number, min = minTickets()): boolean => tickets < min;

/** A share with the tickets behind it. */
export interface ShareFigure {
	/** part ÷ tickets, 0..1, or null when there were no tickets */
	value: number | null;
	tickets: number;
	tooFewTickets: boolean;
}

export function shareOf(part: number, tickets: number, min = minTickets()): ShareFigure {
	return { value: tickets === 0 ? null : part / tickets, tickets, tooFewTickets: isTooFewTickets(tickets, min) };
}
