/** Why a month of a service deviates from the agreement, in words (the meeting's figures, the room's slide, the portal). */
import { m } from '$lib/paraglide/messages';
import type { DeviationReason } from '$lib/server/domain/agreement/follow-up';

const LABELS: Record<DeviationReason, typeof m.figures_reason_volume> = {
	volume: m.figures_reason_volume,
	price: m.figures_reason_price,
	amount: m.figures_reason_amount,
	not_invoiced: m.figures_reason_not_invoiced,
	not_agreed: m.figures_reason_not_agreed
};

export const reasonLabels = (reasons: readonly DeviationReason[], locale?: 'sv' | 'en'): string =>
	reasons.map((r) => LABELS[r]({}, locale ? { locale } : {})).join(', ');
