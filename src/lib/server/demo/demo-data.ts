/**
 * Demo data: the supplier IT-mästaren, two customers, their people in roles,
 * and each customer's five forums with members, duties and meetings around
 * today. Loaded only into an empty database, through the same services users
 * call, so the demo obeys every rule the product has.
 */
import { DateTime } from 'luxon';
import type { Db } from '$lib/server/db';
import type { Access, Duty } from '$lib/domain-types';
import { SYSTEM_ACTOR } from '../domain/actor';
import type { ForumKey } from '../domain/governance/catalogue.types';
import { assignDuty, createForumFromTemplate } from '../domain/governance/forums.service';
import { scheduleMeeting } from '../domain/meetings/meetings.service';
import { createCustomer } from '../domain/tenancy/customers.service';
import { createPerson } from '../domain/tenancy/people.service';
import { assignRole } from '../domain/tenancy/roles.service';
import { renameSupplier } from '../domain/tenancy/supplier.service';
import { DEFAULT_TIME_ZONE } from '../domain/time';
import { allRoles, hasCustomers } from './demo.repository';
import { loadDemoTickets } from './demo-itsm';
import { loadDemoKb } from './demo-kb';
import { loadDemoAgreements } from './demo-agreement';

export const DEMO_PASSWORD = 'demo1234';

interface DemoPerson {
	name: string;
	email: string;
	access: Access;
	title?: string;
	roles: string[];
}

const SUPPLIER_PEOPLE: DemoPerson[] = [
	{ name: 'Maria Ekström', email: 'admin@itmastaren.example', access: 'supplier_admin', title: 'Systemförvaltare', roles: ['delivery_manager'] },
	{ name: 'Johan Berg', email: 'bam@itmastaren.example', access: 'supplier_staff', title: 'Business Account Manager', roles: ['bam'] },
	{ name: 'Sara Nilsson', email: 'im@itmastaren.example', access: 'supplier_staff', title: 'Incident Manager', roles: ['incident_manager', 'problem_manager'] },
	{ name: 'Erik Sandberg', email: 'cm@itmastaren.example', access: 'supplier_staff', title: 'Change Manager', roles: ['change_manager'] },
	{ name: 'Lina Holm', email: 'tam@itmastaren.example', access: 'supplier_staff', title: 'Lösningsarkitekt', roles: ['tam'] },
	{ name: 'Karl Åberg', email: 'sakerhet@itmastaren.example', access: 'supplier_staff', title: 'IT-säkerhetsansvarig', roles: ['security_officer'] }
];

interface DemoCustomer {
	name: string;
	orgNumber: string;
	people: DemoPerson[];
	/** duty holders per forum, by e-mail; customer-held duties show "Ansvar kan omfördelas till kund" */
	duties: Partial<Record<ForumKey, Partial<Record<Duty, string>>>>;
}

const CUSTOMERS: DemoCustomer[] = [
	{
		name: 'Norrby kommun',
		orgNumber: '212000-1234',
		people: [
			{ name: 'Eva Norberg', email: 'avtal@norrby.example', access: 'customer_admin', title: 'Avtalsansvarig', roles: ['contract_owner'] },
			{ name: 'Oskar Falk', email: 'it@norrby.example', access: 'customer_member', title: 'IT-chef', roles: ['it_manager'] },
			{ name: 'Hanna Strand', email: 'tjanst@norrby.example', access: 'customer_member', title: 'IT-tjänsteansvarig', roles: ['service_owner', 'incident_owner'] },
			{ name: 'Ali Karimi', email: 'sakerhet@norrby.example', access: 'customer_member', title: 'Informationssäkerhetssamordnare', roles: ['security_officer', 'infosec_coordinator'] },
			{ name: 'Lars Öberg', email: 'forandring@norrby.example', access: 'customer_member', title: 'Förändringsledare', roles: ['change_owner'] }
		],
		duties: {
			operational: { convener: 'bam@itmastaren.example', compiler: 'im@itmastaren.example', chair: 'bam@itmastaren.example', minute_taker: 'im@itmastaren.example', presenter: 'im@itmastaren.example', preparer: 'tam@itmastaren.example' },
			// the customer has taken the chair of the tactical forum
			tactical: { convener: 'bam@itmastaren.example', chair: 'avtal@norrby.example', minute_taker: 'tam@itmastaren.example', presenter: 'bam@itmastaren.example', preparer: 'bam@itmastaren.example' },
			strategic: { compiler: 'bam@itmastaren.example', chair: 'bam@itmastaren.example', minute_taker: 'tam@itmastaren.example', presenter: 'bam@itmastaren.example', preparer: 'tam@itmastaren.example' },
			security: { convener: 'sakerhet@itmastaren.example', chair: 'sakerhet@itmastaren.example', minute_taker: 'sakerhet@itmastaren.example', presenter: 'sakerhet@itmastaren.example', preparer: 'sakerhet@itmastaren.example' },
			cab: { compiler: 'cm@itmastaren.example', chair: 'cm@itmastaren.example', minute_taker: 'cm@itmastaren.example', presenter: 'cm@itmastaren.example', preparer: 'cm@itmastaren.example' }
		}
	},
	{
		name: 'Vattenbolaget Syd AB',
		orgNumber: '556677-8899',
		people: [
			{ name: 'Malin Sjö', email: 'avtal@vattensyd.example', access: 'customer_admin', title: 'Avtalsansvarig', roles: ['contract_owner'] },
			{ name: 'Niklas Hav', email: 'it@vattensyd.example', access: 'customer_member', title: 'IT-ansvarig', roles: ['it_manager', 'service_owner'] },
			{ name: 'Fredrik Ström', email: 'sakerhet@vattensyd.example', access: 'customer_member', title: 'IT-säkerhetsansvarig', roles: ['security_officer'] },
			{ name: 'Jonas Ådal', email: 'forandring@vattensyd.example', access: 'customer_member', title: 'Förändringsansvarig', roles: ['change_owner', 'incident_owner'] }
		],
		duties: {
			operational: { convener: 'bam@itmastaren.example', chair: 'avtal@vattensyd.example', minute_taker: 'im@itmastaren.example', presenter: 'im@itmastaren.example', preparer: 'im@itmastaren.example' },
			tactical: { convener: 'bam@itmastaren.example', chair: 'bam@itmastaren.example', minute_taker: 'tam@itmastaren.example', presenter: 'bam@itmastaren.example' },
			strategic: { chair: 'bam@itmastaren.example', minute_taker: 'tam@itmastaren.example', presenter: 'bam@itmastaren.example' },
			security: { chair: 'sakerhet@itmastaren.example', minute_taker: 'sakerhet@itmastaren.example' },
			cab: { chair: 'cm@itmastaren.example', minute_taker: 'cm@itmastaren.example', presenter: 'cm@itmastaren.example' }
		}
	}
];

/** Meeting dates around `now`, in Stockholm time: [start, minutes]. */
function meetingPlan(key: ForumKey, now: DateTime, offsetDays: number): [DateTime, number][] {
	const at = (d: DateTime, hour: number) => d.set({ hour, minute: 0, second: 0, millisecond: 0 });
	const weekday = (d: DateTime, wd: number) => d.plus({ days: (wd - d.weekday + 7) % 7 });
	const plan: [DateTime, number][] = [];
	switch (key) {
		case 'operational':
			// monthly, the second Tuesday, from ten months back to three ahead
			for (let m = -10; m <= 3; m++) {
				const first = now.startOf('month').plus({ months: m });
				plan.push([at(weekday(first, 2).plus({ weeks: 1, days: offsetDays }), 9), 90]);
			}
			break;
		case 'cab':
			// every other Thursday, eight weeks back and four ahead
			for (let w = -8; w <= 4; w += 2) plan.push([at(weekday(now.plus({ weeks: w, days: offsetDays }), 4), 13), 60]);
			break;
		case 'tactical':
			plan.push([at(weekday(now.minus({ months: 5 }).plus({ days: offsetDays }), 3), 9), 120]);
			plan.push([at(weekday(now.plus({ months: 1 }).plus({ days: offsetDays }), 3), 9), 120]);
			break;
		case 'security':
			plan.push([at(weekday(now.minus({ months: 5 }).plus({ days: offsetDays }), 3), 13), 60]);
			plan.push([at(weekday(now.plus({ months: 1 }).plus({ days: offsetDays }), 3), 13), 60]);
			break;
		case 'strategic':
			plan.push([at(weekday(now.minus({ months: 8 }).plus({ days: offsetDays }), 5), 10), 120]);
			plan.push([at(weekday(now.plus({ months: 4 }).plus({ days: offsetDays }), 5), 10), 120]);
			break;
	}
	return plan;
}

const PLACES: Record<ForumKey, string> = {
	operational: 'Teams / Konferensrum Norrsken',
	cab: 'Teams',
	tactical: 'Kundens lokaler',
	security: 'Kundens lokaler',
	strategic: 'IT-mästarens kontor, Stockholm'
};

/** Loads the demo into an empty database; does nothing when customers exist. */
export async function loadDemoData(db: Db, now = new Date()): Promise<boolean> {
	if (await hasCustomers(db)) return false;
	const actor = SYSTEM_ACTOR;
	await renameSupplier(db, 'IT-mästaren');
	const roles = await allRoles(db);
	const roleId = (party: string, key: string) => roles.find((r) => r.party === party && r.key === key)!.id;

	const byEmail = new Map<string, string>();
	const supplierRoles: [string, string[]][] = [];
	for (const p of SUPPLIER_PEOPLE) {
		const person = await createPerson(db, actor, null, { ...p, password: DEMO_PASSWORD });
		byEmail.set(p.email, person.id);
		supplierRoles.push([person.id, p.roles]);
	}

	const stockholmNow = DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE });
	const created: { id: string; name: string }[] = [];
	for (const [ci, c] of CUSTOMERS.entries()) {
		const customer = await createCustomer(db, actor, { name: c.name, orgNumber: c.orgNumber });
		created.push(customer);
		for (const [personId, keys] of supplierRoles) {
			for (const key of keys) await assignRole(db, actor, customer.id, { personId, roleId: roleId('supplier', key) });
		}
		for (const p of c.people) {
			const person = await createPerson(db, actor, customer.id, { ...p, password: DEMO_PASSWORD });
			byEmail.set(p.email, person.id);
			for (const key of p.roles) await assignRole(db, actor, customer.id, { personId: person.id, roleId: roleId('customer', key) });
		}
		for (const key of ['strategic', 'tactical', 'security', 'operational', 'cab'] as ForumKey[]) {
			const forum = await createForumFromTemplate(db, actor, customer.id, { templateKey: key });
			for (const [duty, email] of Object.entries(c.duties[key] ?? {}) as [Duty, string][]) {
				const party = email.endsWith('@itmastaren.example') ? 'supplier' : 'customer';
				await assignDuty(db, actor, forum.id, { duty, party, personId: byEmail.get(email) });
			}
			for (const [start, minutes] of meetingPlan(key, stockholmNow, ci)) {
				await scheduleMeeting(db, actor, forum.id, {
					title: `${forum.name.sv} ${start.setLocale('sv').toFormat('d LLLL yyyy')}`,
					startsAt: start.toISO(),
					endsAt: start.plus({ minutes }).toISO(),
					location: PLACES[key],
					videoUrl: key === 'cab' || key === 'operational' ? 'https://teams.example/samverkan/' + key : null
				});
			}
		}
	}
	await loadDemoTickets(db, created, now.getTime());
	await loadDemoKb(db, created);
	await loadDemoAgreements(db, created, now);
	return true;
}

