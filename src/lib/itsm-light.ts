/** The traffic-light rule, shared by server and browser (the server's kpi-targets.ts has the same rule for the API). */
export type Light = 'green' | 'amber' | 'red';

export function light(value: number | null, t: { target: number; amber: number; higherIsBetter: boolean }): Light | null {
	if (value === null) return null;
	if (t.higherIsBetter) return value >= t.target ? 'green' : value >= t.amber ? 'amber' : 'red';
	return value <= t.target ? 'green' : value <= t.amber ? 'amber' : 'red';
}
