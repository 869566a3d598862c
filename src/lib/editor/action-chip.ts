/**
 * Draws an action chip of the minutes (action-ref-node.ts) into its element:
 * a button showing the action as the activity list holds it now. Plain DOM,
 * because Lexical owns the editor's DOM and calls us for decorators.
 */
import type { ActionStatus } from '$lib/realtime/actions-doc';

export interface ChipView {
	title: string;
	owner: string | null;
	/** formatted due date */
	due: string | null;
	status: ActionStatus;
	statusLabel: string;
	overdue: boolean;
}

export interface ChipWords {
	/** the button's accessible name, given the title */
	label: (title: string) => string;
	/** the action is not (yet) in the list this browser holds */
	missing: string;
}

const part = (text: string, className: string) => {
	const span = document.createElement('span');
	span.className = className;
	span.textContent = text;
	return span;
};

export function drawActionChip(el: HTMLElement, view: ChipView | null, words: ChipWords, open: () => void): void {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'minutes-action-chip';
	button.dataset.status = view?.status ?? 'missing';
	if (view?.overdue) button.dataset.overdue = 'true';
	const finished = view?.status === 'done' || view?.status === 'cancelled';
	button.append(part(finished ? '✓' : '☐', 'minutes-action-box'));
	button.append(part(view ? view.title : words.missing, 'minutes-action-title'));
	if (view) {
		const facts = [view.owner, view.due, view.status === 'open' ? null : view.statusLabel].filter((f): f is string => !!f);
		if (facts.length > 0) button.append(part(facts.join(' · '), 'minutes-action-facts'));
		button.setAttribute('aria-label', [words.label(view.title), ...facts].join(', '));
	}
	// Lexical would take the press as selecting the node; the chip is a button
	button.addEventListener('mousedown', (e) => e.stopPropagation());
	button.addEventListener('click', (e) => {
		e.preventDefault();
		e.stopPropagation();
		open();
	});
	el.replaceChildren(button);
}
