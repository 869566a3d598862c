/**
 * Real Samverkan document names for the benches (the server refuses others;
 * the reference servers take any name, so they get the same ones): every
 * forum's activity list and every meeting's agenda and minutes of the demo,
 * and as many bench meetings (in 2032) as it takes to reach the number asked.
 */
import { forumActionsDoc, meetingAgendaDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import type { ApiClient } from '../../tests/helpers/api-client';

/** Document names: real Samverkan documents (it refuses others); the references take any name, so they get the same. */
export async function documentNames(admin: ApiClient, needed: number): Promise<string[]> {
	const collect = async () => {
		const names: string[] = [];
		const forums: string[] = [];
		for (const c of (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string }[]) {
			for (const f of (await admin.json('GET', `/api/v1/customers/${c.id}/forums`)).body.forums as { id: string }[]) {
				forums.push(f.id);
				names.push(forumActionsDoc(f.id));
				for (const m of (await admin.json('GET', `/api/v1/forums/${f.id}/meetings`)).body.meetings as { id: string }[]) {
					names.push(meetingAgendaDoc(m.id), meetingMinutesDoc(m.id));
				}
			}
		}
		return { names, forums };
	};
	const first = await collect();
	const forums = first.forums;
	for (let i = 0; first.names.length + 2 * i < needed; i++) {
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
		const res = await admin.json('POST', `/api/v1/forums/${forums[i % forums.length]}/meetings`, { startsAt: `2032-${month}-${day}T09:00`, endsAt: `2032-${month}-${day}T10:00` });
		if (res.status !== 201) throw new Error(`scheduling a bench meeting: ${res.status} ${JSON.stringify(res.body)}`);
	}
	return (await collect()).names;
}
