import { describe, expect, it } from 'vitest';
import { actionFromLine, tidyTitle } from './action-line';
import { findDuePhrase, type DueContext } from './due-phrase';

// Sunday 6 December 2026
const ctx = { today: '2026-12-06', nextMeeting: '2027-01-14' };
const due = (text: string, c: DueContext = ctx) => findDuePhrase(text, c)?.date ?? null;

describe('due phrases', () => {
	it.each([
		['till 15/12', '2026-12-15'],
		['senast 3/1', '2027-01-03'],
		['by 15/12/2027', '2027-12-15'],
		['till 2027-02-28', '2027-02-28'],
		['15 december', '2026-12-15'],
		['senast 1 mars', '2027-03-01'],
		['by 2 Jan', '2027-01-02'],
		['till nästa möte', '2027-01-14'],
		['by the next meeting', '2027-01-14'],
		['om två veckor', '2026-12-20'],
		['om 3 dagar', '2026-12-09'],
		['in two weeks', '2026-12-20'],
		['within a week', '2026-12-13'],
		['om en månad', '2027-01-06'],
		['i morgon', '2026-12-07'],
		['imorgon', '2026-12-07'],
		['tomorrow', '2026-12-07'],
		['på fredag', '2026-12-11'],
		['by Friday', '2026-12-11'],
		['söndag', '2026-12-13'],
		['vecka 51', '2026-12-18'],
		['v. 2', '2027-01-15'],
		['week 51', '2026-12-18']
	])('%s is %s', (text, date) => {
		expect(due(`Ta fram en plan ${text}`)).toBe(date);
	});

	it('a day of this year already past is next year', () => {
		expect(due('till 5/12')).toBe('2027-12-05');
		expect(due('till 6/12')).toBe('2026-12-06');
	});

	it('a month later from the 31st ends on the last day of the month', () => {
		expect(due('om en månad', { today: '2027-01-31' })).toBe('2027-02-28');
	});

	it('understands nothing that is not a date', () => {
		expect(due('Byt brandväggen i rack 15')).toBeNull();
		expect(due('till 31/2')).toBeNull();
		expect(due('om tolv veckor')).toBeNull();
		expect(due('Marsch till vecka')).toBeNull();
		// words that merely contain a phrase
		expect(due('Fredagsmys och 2015/12/99')).toBeNull();
	});

	it('"nästa möte" without a planned meeting is not understood', () => {
		expect(findDuePhrase('klart till nästa möte', { today: '2026-12-06' })).toBeNull();
	});

	it('the last phrase wins and its place is returned with its "till"', () => {
		const text = 'Följ upp 1/12-incidenten till 20/12';
		const found = findDuePhrase(text, ctx)!;
		expect(found.date).toBe('2026-12-20');
		expect(text.slice(found.start, found.end)).toBe('till 20/12');
	});
});

describe('a line as an action', () => {
	it('takes the first mention as owner and the date phrase out of the title', () => {
		const action = actionFromLine(
			[{ text: '@Anna Berg', personId: 'p-anna' }, { text: ' ser över brandväggsreglerna till 15/12.' }],
			ctx
		);
		expect(action).toEqual({ title: 'Ser över brandväggsreglerna.', ownerId: 'p-anna', dueDate: '2026-12-15' });
	});

	it('keeps other mentions as names and works without owner or date', () => {
		expect(
			actionFromLine([{ text: 'Boka workshop med ' }, { text: '@Erik Lund', personId: 'p-erik' }, { text: ' och ' }, { text: '@Sara Ek', personId: 'p-sara' }], ctx)
		).toEqual({ title: 'Boka workshop med Erik Lund och Sara Ek', ownerId: 'p-erik', dueDate: null });
		expect(actionFromLine([{ text: 'Skicka rapporten om tre dagar, ' }, { text: '@Erik Lund', personId: 'p-erik' }], ctx)).toEqual({
			title: 'Skicka rapporten',
			ownerId: 'p-erik',
			dueDate: '2026-12-09'
		});
		expect(actionFromLine([{ text: 'uppdatera kontaktlistan' }], ctx)).toEqual({ title: 'Uppdatera kontaktlistan', ownerId: null, dueDate: null });
	});

	it('an empty line gives an empty title', () => {
		expect(actionFromLine([{ text: ' till 15/12 ' }], ctx).title).toBe('');
		expect(tidyTitle(' – , ')).toBe('');
	});
});
