/**
 * Ids of the demo data, looked up through the API as the supplier admin (who
 * sees everything), so tests never hard-code generated UUIDs.
 */
import { ApiClient } from './api-client';

export const NORRBY = 'Norrby kommun';
export const VATTENSYD = 'Vattenbolaget Syd AB';

export interface DemoPerson {
	id: string;
	email: string;
	name: string;
	customerId: string | null;
	access: string;
	roles: { assignmentId: string; roleId: string; key: string }[];
}

export interface DemoForum {
	id: string;
	templateKey: string;
	members: { personId: string; party: string }[];
	duties: { duty: string; party: string; personId: string | null; personName: string | null }[];
}

export interface DemoCustomer {
	id: string;
	name: string;
	people: DemoPerson[];
	/** by template key */
	forums: Record<string, DemoForum>;
	/** meeting ids per forum id */
	meetings: Record<string, string[]>;
	/** role assignments of this customer's people */
	assignmentIds: string[];
	person(email: string): DemoPerson;
}

export interface DemoIds {
	customers: Record<string, DemoCustomer>;
	supplierStaff: DemoPerson[];
	staff(email: string): DemoPerson;
	roles: { id: string; key: string; party: 'supplier' | 'customer' }[];
	role(party: 'supplier' | 'customer', key: string): string;
}

async function ok<T>(client: ApiClient, path: string): Promise<T> {
	const { status, body } = await client.json('GET', path);
	if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
	return body as T;
}

export async function demoIds(baseUrl: string): Promise<DemoIds> {
	const admin = await new ApiClient(baseUrl).login('admin@itmastaren.example');
	const { customers } = await ok<{ customers: { id: string; name: string }[] }>(admin, '/api/v1/customers');
	const out: Record<string, DemoCustomer> = {};
	for (const c of customers) {
		const { people } = await ok<{ people: DemoPerson[] }>(admin, `/api/v1/customers/${c.id}/people`);
		const { forums } = await ok<{ forums: DemoForum[] }>(admin, `/api/v1/customers/${c.id}/forums`);
		const meetings: Record<string, string[]> = {};
		for (const f of forums) {
			const { meetings: list } = await ok<{ meetings: { id: string }[] }>(admin, `/api/v1/forums/${f.id}/meetings`);
			meetings[f.id] = list.map((m) => m.id);
		}
		out[c.name] = {
			id: c.id,
			name: c.name,
			people,
			forums: Object.fromEntries(forums.map((f) => [f.templateKey, f])),
			meetings,
			assignmentIds: people.flatMap((p) => p.roles.map((r) => r.assignmentId)),
			person(email) {
				const p = people.find((x) => x.email === email);
				if (!p) throw new Error(`no person ${email} in ${c.name}`);
				return p;
			}
		};
	}
	const { people: supplierStaff } = await ok<{ people: DemoPerson[] }>(admin, '/api/v1/supplier/people');
	const { roles } = await ok<{ roles: DemoIds['roles'] }>(admin, '/api/v1/roles');
	return {
		customers: out,
		supplierStaff,
		staff(email) {
			const p = supplierStaff.find((x) => x.email === email);
			if (!p) throw new Error(`no supplier person ${email}`);
			return p;
		},
		roles,
		role(party, key) {
			const r = roles.find((x) => x.party === party && x.key === key);
			if (!r) throw new Error(`no role ${party}:${key}`);
			return r.id;
		}
	};
}
