import type { Duty, Party } from '$lib/domain-types';
import { m } from '$lib/paraglide/messages';

/** Sammankallande, Sammanställande, Ordförande, Protokollförare, Föredragande, Förberedande. */
export function dutyLabel(duty: Duty): string {
	switch (duty) {
		case 'convener':
			return m.duty_convener();
		case 'compiler':
			return m.duty_compiler();
		case 'chair':
			return m.duty_chair();
		case 'minute_taker':
			return m.duty_minute_taker();
		case 'presenter':
			return m.duty_presenter();
		case 'preparer':
			return m.duty_preparer();
	}
}

/** Who holds a duty, for display: the person, or their side when nobody is named. */
export function dutyHolderName(d: { party: Party | string; personName: string | null }): string {
	return d.personName ?? m.live_party_holds({ party: d.party === 'supplier' ? m.party_supplier() : m.party_customer() });
}
