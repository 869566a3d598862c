/**
 * Imports every file of ../shared/data and checks exact counts. The expected
 * numbers were derived without the importer, with awk over the raw files
 * (none of these columns contain quoted commas):
 *
 *   rows, tickets:   awk -F, 'NR>1{n++; u[$1]} END{print n, length(u)}' FILE     ($10 for the ServiceNow raw file, $5 for BPI 2014)
 *   UCI current state and made_sla per incident (row with the highest sys_mod_count, the later row on a tie):
 *     awk -F, 'NR>1 && (!($1 in m) || $6+0 >= m[$1]+0) {m[$1]=$6; s[$1]=$2; f[$1]=$7}
 *              END{for(k in s){c[s[k]]++; g[f[k]]++}; for(k in c) print k, c[k]; for(k in g) print "sla", k, g[k]}' FILE
 *   BPI 2013 last status per SR:  zcat FILE | awk -F, 'NR>1{s[$1]=$3"/"$4} END{for(k in s) c[s[k]]++; for(k in c) print k, c[k]}'
 *   ServiceNow raw states:        awk -F, 'NR>1{c[$16]++} END{for(k in c) print k, c[k]}' FILE
 * (`zcat` first for the .gz files.)
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { EXAMPLE_MAPPINGS } from './presets';
import { importCsv } from './ticket-import.service';
import { actor, countBy, CUSTOMER, itsmDbForEachTest } from '../test/itsm-db';

const DATA = process.env.ITSM_DEMO_DATA ?? resolve(import.meta.dirname, '../../../../../../../shared/data');
const file = (name: string) => createReadStream(resolve(DATA, name));

let db: Db;
itsmDbForEachTest((fresh) => (db = fresh));

describe('importing ../shared/data', () => {
	it('UCI sample (ServiceNow display values, event log): 198 rows, 32 incidents, current state by sys_mod_count', async () => {
		const r = await importCsv(db, actor, CUSTOMER, file('uci-incident-event-log-sample.csv'), { preset: 'servicenow-display' });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 198, tickets: 32, created: 32, updated: 0, rejected: 0, errors: [] });
		expect(await countBy(db, 'status')).toEqual({ closed: 31, in_progress: 1 });
		expect(await countBy(db, 'source_sla_met')).toEqual({ '1': 26, '0': 6 });
		// re-importing the same file changes nothing
		const again = await importCsv(db, actor, CUSTOMER, file('uci-incident-event-log-sample.csv'), { preset: 'servicenow-display' });
		expect(again).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 32 });
	});

	it('UCI prefix re-saved by a spreadsheet (dd-mm-yyyy, TRUE/FALSE): 5,998 rows, 890 incidents', { timeout: 30_000 }, async () => {
		const r = await importCsv(db, actor, CUSTOMER, file('uci-incident-event-log-prefix-excel.csv'), { preset: 'servicenow-display' });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 5998, tickets: 890, created: 890, rejected: 0 });
		expect(await countBy(db, 'status')).toEqual({ closed: 890 });
		expect(await countBy(db, 'source_sla_met')).toEqual({ '1': 495, '0': 395 });
	});

	it('the sample and the prefix are the same data: importing the prefix after the sample updates only what the sample cut off', { timeout: 30_000 }, async () => {
		await importCsv(db, actor, CUSTOMER, file('uci-incident-event-log-sample.csv'), { preset: 'servicenow-display' });
		const r = await importCsv(db, actor, CUSTOMER, file('uci-incident-event-log-prefix-excel.csv'), { preset: 'servicenow-display' });
		// 31 of the sample's incidents are complete in both files; the 32nd was cut off while active
		expect(r).toMatchObject({ created: 890 - 32, updated: 1, unchanged: 31 });
	});

	it('UCI full log: 141,712 rows, 24,918 incidents, all closed', { timeout: 120_000 }, async () => {
		const r = await importCsv(db, actor, CUSTOMER, file('uci-incident-event-log-full.csv.gz'), { preset: 'servicenow-display' });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 141712, tickets: 24918, created: 24918, rejected: 0 });
		expect(await countBy(db, 'status')).toEqual({ closed: 24918 });
		expect(await countBy(db, 'source_sla_met')).toEqual({ '1': 15803, '0': 9115 });
	});

	it('ServiceNow raw values: 67 incidents, numeric states, UTC', async () => {
		const r = await importCsv(db, actor, CUSTOMER, file('servicenow-incidents-raw-values.csv'), { preset: 'servicenow-raw' });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 67, tickets: 67, created: 67, rejected: 0 });
		expect(await countBy(db, 'status')).toEqual({ closed: 27, in_progress: 20, new: 13, on_hold: 7 });
		expect(await countBy(db, 'priority')).toEqual({ '1': 27, '2': 4, '3': 12, '4': 5, '5': 19 });
		expect(await countBy(db, 'source_sla_met')).toEqual({ '1': 24, '0': 43 });
		const t = await db.selectFrom('tickets').selectAll().where('number', '=', 'INC0000060').executeTakeFirstOrThrow();
		// "2016-12-12 15:19:57" is UTC in raw exports
		expect(t.opened_at).toBe('2016-12-12T15:19:57.000Z');
		expect(t.assignment_group).toBe('287ebd7da9fe198100f92cc8d1d2154e');
	});

	it('BPI 2013 (Volvo IT) with the example mapping: 65,533 events, 7,554 incidents', { timeout: 60_000 }, async () => {
		const { source, mapping } = EXAMPLE_MAPPINGS['BPI Challenge 2013 (Volvo IT)'];
		const r = await importCsv(db, actor, CUSTOMER, file('bpic2013-volvo-incidents.csv.gz'), { preset: 'generic', source, mapping });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 65533, tickets: 7554, created: 7554, rejected: 0 });
		// Completed/Closed 5573; Completed/In Call 1882 + Completed/Resolved 90; Accepted/Wait* 3 + 2; Accepted/Assigned 1 + In Progress 2
		expect(await countBy(db, 'status')).toEqual({ closed: 5573, resolved: 1972, cancelled: 1, on_hold: 5, in_progress: 3 });
	});

	it('BPI 2014 extract with the example mapping: 40 tickets, "NA" priority is no priority', async () => {
		const { source, mapping } = EXAMPLE_MAPPINGS['BPI Challenge 2014 (Rabobank) extract'];
		const r = await importCsv(db, actor, CUSTOMER, file('bpic2014-derived-itsm-sample.csv'), { preset: 'generic', source, mapping });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 40, tickets: 40, created: 40, rejected: 0 });
		expect(await countBy(db, 'kind')).toEqual({ incident: 35, request: 5 });
		expect(await countBy(db, 'priority')).toEqual({ '3': 10, '4': 28, null: 2 });
	});
});
