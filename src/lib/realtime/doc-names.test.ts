import { describe, expect, it } from 'vitest';
import { customerHandbookDoc, forumActionsDoc, formatDocName, meetingAgendaDoc, meetingInternalDoc, meetingMinutesDoc, parseDocName } from './doc-names';

const ID = '0b7c5d1e-2f3a-4b5c-8d9e-0123456789ab';

describe('document names', () => {
	it('formats and parses each kind the same way', () => {
		for (const name of [meetingAgendaDoc(ID), meetingMinutesDoc(ID), meetingInternalDoc(ID), forumActionsDoc(ID), customerHandbookDoc(ID)]) {
			const parsed = parseDocName(name);
			expect(parsed).not.toBeNull();
			expect(formatDocName(parsed!)).toBe(name);
		}
		expect(parseDocName(`meeting.${ID}.minutes`)).toEqual({ scope: 'meeting', id: ID, kind: 'minutes' });
		expect(parseDocName(`forum.${ID}.actions`)).toEqual({ scope: 'forum', id: ID, kind: 'actions' });
		expect(parseDocName(`customer.${ID}.handbook`)).toEqual({ scope: 'customer', id: ID, kind: 'handbook' });
	});

	it('refuses anything else', () => {
		for (const bad of [
			'',
			'meeting',
			`meeting.${ID}`,
			`meeting.${ID}.actions`,
			`forum.${ID}.minutes`,
			`forum.${ID}.internal`,
			`customer.${ID}.minutes`,
			`meeting.${ID}.handbook`,
			`forum.${ID}.handbook`,
			`meeting.${ID.toUpperCase()}.minutes`,
			`meeting.${ID}.minutes.x`,
			`x.meeting.${ID}.minutes`,
			`meeting.${ID}.minutes\n`,
			`meeting.../${ID}.minutes`,
			'a'.repeat(1000)
		]) {
			expect(parseDocName(bad), bad).toBeNull();
		}
	});
});
