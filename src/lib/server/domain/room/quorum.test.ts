import { describe, expect, it } from 'vitest';
import { tally } from './quorum';

describe('CAB quorum rule', () => {
	it('approves with a majority and one voter of each side', () => {
		expect(tally([{ party: 'supplier', choice: 'approve' }, { party: 'customer', choice: 'approve' }, { party: 'customer', choice: 'reject' }])).toEqual({
			approve: 2,
			reject: 1,
			abstain: 0,
			quorumMet: true,
			outcome: 'approve'
		});
	});

	it('defers without a customer voter, however many supplier approvals', () => {
		const t = tally([{ party: 'supplier', choice: 'approve' }, { party: 'supplier', choice: 'approve' }]);
		expect(t.quorumMet).toBe(false);
		expect(t.outcome).toBe('defer');
	});

	it('counts an abstaining side towards the quorum, not the outcome', () => {
		expect(tally([{ party: 'supplier', choice: 'reject' }, { party: 'customer', choice: 'abstain' }]).outcome).toBe('reject');
	});

	it('defers on a tie and on no ballots', () => {
		expect(tally([{ party: 'supplier', choice: 'approve' }, { party: 'customer', choice: 'reject' }]).outcome).toBe('defer');
		expect(tally([]).outcome).toBe('defer');
	});
});
