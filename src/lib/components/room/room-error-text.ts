/** What the room page says about a refusal; a control refused because another holds its duty now says who. */
import { errorMessage, isSpecific } from '$lib/i18n/error-message';
import { m } from '$lib/paraglide/messages';
import type { RoomError } from '$lib/realtime/room/events';
import { dutyHolderName, dutyLabel } from '$lib/components/governance/duty-label';

export function roomErrorText(error: RoomError): string {
	// "Det får du inte göra: ordförande är nu Oskar Falk."
	if (error.holder) return m.live_error_forbidden_holder({ duty: dutyLabel(error.holder.duty).toLowerCase(), name: dutyHolderName(error.holder) });
	if (error.code === 'forbidden') return m.live_error_forbidden();
	if (error.code === 'not_found') return m.live_error_not_found();
	if (isSpecific(error.messageCode)) return errorMessage(error.messageCode);
	const field = Object.values(error.fieldCodes ?? {})[0];
	return m.live_error_other({ message: field ? errorMessage(field) : error.message });
}
