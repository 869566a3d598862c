/**
 * Figures as stored with approved minutes, read back for the meeting page and
 * the exports. Versions frozen before the period had one label (issue 14)
 * stored `to` as the (exclusive) day of the meeting and no label: their last
 * day is the day before, and their label is made by the same formatter.
 */
import { addDays, periodLabels } from '../itsm/period';
import type { FrozenFigure } from './minutes-model';

type Stored = Omit<FrozenFigure, 'periodLabel'> & { periodLabel?: FrozenFigure['periodLabel'] };

export function readFrozenFigures(stored: Stored[] | undefined): FrozenFigure[] {
	return (stored ?? []).map((f) => {
		if (f.periodLabel) return f as FrozenFigure;
		const to = f.to > f.from ? addDays(f.to, -1) : f.to;
		return { ...f, to, periodLabel: periodLabels({ firstDay: f.from, lastDay: to }) };
	});
}
