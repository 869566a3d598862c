import { describe, expect, it } from 'vitest';
import { dutyRecipients } from './duty-notices';

describe('dutyRecipients', () => {
	it('tells who got the duty and who lost it', () => {
		expect(dutyRecipients('anna', 'bo', 'admin')).toEqual([
			{ personId: 'bo', change: 'given' },
			{ personId: 'anna', change: 'taken' }
		]);
	});
	it('never tells the one who made the change', () => {
		expect(dutyRecipients('anna', 'admin', 'admin')).toEqual([{ personId: 'anna', change: 'taken' }]);
		expect(dutyRecipients('admin', 'bo', 'admin')).toEqual([{ personId: 'bo', change: 'given' }]);
	});
	it('tells nobody when the holder did not change, or a side without a named person changed', () => {
		expect(dutyRecipients('anna', 'anna', 'admin')).toEqual([]);
		expect(dutyRecipients(null, null, 'admin')).toEqual([]);
	});
});
