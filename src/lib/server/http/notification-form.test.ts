import { describe, expect, it } from 'vitest';
import { choicesFromForm } from './notification-form';

describe('choicesFromForm', () => {
	it('sends only the kinds changed; one changed back to what applies without a choice follows the default again', () => {
		const data = {
			'mode.minutes.approved': 'inapp',
			'was.minutes.approved': 'email',
			'fallback.minutes.approved': 'email',
			// untouched: not sent, so a default is not turned into an own choice
			'mode.action.assigned': 'email',
			'was.action.assigned': 'email',
			'fallback.action.assigned': 'email',
			// own digest, set back to the organisation's default
			'mode.action.overdue': 'inapp',
			'was.action.overdue': 'digest',
			'fallback.action.overdue': 'inapp',
			locale: 'en'
		};
		expect(choicesFromForm(data)).toEqual({
			choices: [
				{ kind: 'minutes.approved', mode: 'inapp' },
				{ kind: 'action.overdue', mode: null }
			],
			locale: 'en'
		});
	});

	it('passes what it does not know on for the domain to refuse, and no locale when none was posted', () => {
		expect(choicesFromForm({ 'mode.meeting.invitation': 'inapp', 'was.meeting.invitation': 'email' })).toEqual({ choices: [{ kind: 'meeting.invitation', mode: 'inapp' }] });
		expect(choicesFromForm({ 'mode.minutes.approved': 'pigeon' })).toEqual({ choices: [{ kind: 'minutes.approved', mode: 'pigeon' }] });
	});
});
