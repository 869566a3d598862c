import { describe, expect, it } from 'vitest';
import { deliveryMode, kindRule, NOTIFICATION_KINDS } from './notification-kinds';

describe('deliveryMode', () => {
	it('sends the kallelse and the justering request by mail whatever was chosen', () => {
		for (const kind of ['meeting.invitation', 'meeting.updated', 'meeting.cancelled', 'minutes.approval_requested', 'minutes.approval_reminder'] as const) {
			expect(deliveryMode(kind, 'inapp', 'digest')).toBe('email');
		}
	});
	it("takes the person's choice over the customer admin's default over the kind's", () => {
		expect(deliveryMode('action.assigned', 'digest', 'inapp')).toBe('digest');
		expect(deliveryMode('action.assigned', undefined, 'inapp')).toBe('inapp');
		expect(deliveryMode('action.overdue', undefined, undefined)).toBe('digest');
		expect(deliveryMode('minutes.approved', undefined, undefined)).toBe('email');
	});
	it('has a rule for every kind', () => {
		for (const kind of NOTIFICATION_KINDS) expect(kindRule(kind).defaultMode).toMatch(/^(email|digest|inapp)$/);
	});
});
