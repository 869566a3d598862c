import { describe, expect, it } from 'vitest';
import { issueRows, jiraJql, jqlTime } from './jira';
import { nextLink } from './servicenow';
import { lastPerKey, toTable, utcDateTime } from './source-rows';

describe('source readers', () => {
	it("follows ServiceNow's Link header to rel=next only", () => {
		const link = '<https://x.service-now.com/api/now/table/incident?sysparm_offset=0>;rel="first",<https://x.service-now.com/api/now/table/incident?sysparm_offset=20>;rel="next",<https://x.service-now.com/api/now/table/incident?sysparm_offset=60>;rel="last"';
		expect(nextLink(link)).toBe('https://x.service-now.com/api/now/table/incident?sysparm_offset=20');
		expect(nextLink('<https://x/a>;rel="last"')).toBeNull();
		expect(nextLink(null)).toBeNull();
	});

	it('writes JQL with the customer query in parentheses, quoted issue types, and the watermark in minutes (UTC)', () => {
		const since = Date.UTC(2026, 11, 7, 3, 4, 59);
		expect(jqlTime(since)).toBe('2026/12/07 03:04');
		expect(jiraJql({ query: 'project = NORR OR labels = "x"', tables: ['Incident', 'Service "Request"'] }, since)).toBe(
			'(project = NORR OR labels = "x") AND issuetype in ("Incident", "Service \\"Request\\"") AND updated >= "2026/12/07 03:04" ORDER BY updated ASC'
		);
		expect(jiraJql({ query: '', tables: [] }, null)).toBe('ORDER BY updated ASC');
		expect(utcDateTime(since)).toBe('2026-12-07 03:04:59');
	});

	it('turns a Jira issue and its changelog into the rows of its status history, the issue as it is now last', () => {
		const rows = issueRows(
			{
				id: '10001',
				key: 'NORR-1',
				fields: {
					summary: 'E-post nere',
					issuetype: { name: 'Incident' },
					status: { name: 'Done' },
					priority: { name: 'High' },
					created: '2026-03-12T15:45:00.000+0100',
					updated: '2026-03-12T18:00:00.000+0100',
					resolutiondate: '2026-03-12T17:15:00.000+0100',
					resolution: { name: 'Done' },
					labels: ['kommun', 'major-incident'],
					components: [{ name: 'E-post' }],
					customfield_10050: { value: '1 - Hög' },
					customfield_10099: null
				},
				changelog: {
					histories: [
						{ created: '2026-03-12T17:15:00.000+0100', items: [{ field: 'status', fromString: 'In Progress', toString: 'Done' }] },
						{ created: '2026-03-12T16:00:00.000+0100', items: [{ field: 'assignee', fromString: 'a', toString: 'b' }, { field: 'status', fromString: 'Open', toString: 'In Progress' }] }
					]
				}
			},
			{ customfield_10050: 'Impact' }
		);
		expect(rows.map((r) => [r.Status, r.Changed, r.Resolved])).toEqual([
			['Open', '2026-03-12T15:45:00.000+0100', ''],
			['In Progress', '2026-03-12T16:00:00.000+0100', ''],
			['Done', '2026-03-12T17:15:00.000+0100', '2026-03-12T17:15:00.000+0100'],
			['Done', '2026-03-12T18:00:00.000+0100', '2026-03-12T17:15:00.000+0100']
		]);
		expect(rows[3]).toMatchObject({ 'Issue key': 'NORR-1', Labels: ['kommun', 'major-incident'], 'Component/s': ['E-post'], 'Custom field (Impact)': '1 - Hög' });
		// repeated columns as the CSV export has them
		expect(toTable([rows[3]]).header.filter((h) => h === 'Labels')).toHaveLength(2);
	});

	it('keeps the last reading of a record read twice', () => {
		expect(lastPerKey([{ sys_id: 'a', v: '1' }, { sys_id: 'b', v: '1' }, { sys_id: 'a', v: '2' }], (r) => r.sys_id as string)).toEqual([
			{ sys_id: 'b', v: '1' },
			{ sys_id: 'a', v: '2' }
		]);
	});
});
