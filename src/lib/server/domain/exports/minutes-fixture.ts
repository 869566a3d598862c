/** A hand-built model of approved minutes, for the renderers' tests (and nothing else). */
import type { MinutesModel } from '../meeting-core/minutes-model';
import { periodLabels } from '../itsm/period';

export function sampleMinutes(overrides: Partial<MinutesModel> = {}): MinutesModel {
	return {
		meeting: {
			id: '11111111-1111-4111-8111-111111111111',
			title: 'Tertialmöte <script>alert(1)</script>',
			startsAt: '2026-01-15T08:00:00Z',
			endsAt: '2026-01-15T09:30:00Z',
			location: 'Stadshuset, sal Älven',
			customerName: 'Norrby kommun',
			forumName: { sv: 'Taktiskt forum', en: 'Tactical forum' }
		},
		attendees: [
			{ personId: 'p1', name: 'Åsa Öberg', side: 'supplier', role: 'Business Account Manager', duties: ['chair', 'convener'], attendance: 'attended' },
			{ personId: 'p2', name: 'Jörgen Ärlig', side: 'customer', role: 'IT-ansvarig', duties: [], attendance: 'excused' },
			{ personId: 'p3', name: 'Karin Lund', side: 'customer', role: 'Avtalsansvarig', duties: ['minute_taker'], attendance: null }
		],
		agenda: [
			{ title: 'Föregående protokoll', kind: 'previous_minutes', plannedMinutes: 5, presenterName: null },
			{ title: 'Leveransuppföljning', kind: 'standard', plannedMinutes: 20, presenterName: 'Åsa Öberg' }
		],
		blocks: [
			{ type: 'heading', level: 1, runs: [{ text: 'Leveransuppföljning' }] },
			{ type: 'paragraph', runs: [{ text: 'Tillgängligheten var ' }, { text: '99,8 %', bold: true }, { text: ' under perioden. <img src=x onerror=alert(1)>' }] },
			{ type: 'paragraph', runs: [{ text: 'Se ' }, { text: 'rapporten', href: 'https://example.se/rapport' }, { text: ' och ' }, { text: 'inte denna', href: 'javascript:alert(1)' }] },
			{ type: 'list', style: 'bullet', items: [{ runs: [{ text: '**inte fetstil**' }], depth: 0 }, { runs: [{ text: 'underpunkt' }], depth: 1 }] },
			{ type: 'decision', id: 'd1', runs: [{ text: 'Beslut om ny åtgärdsplan för överföring' }] },
			{ type: 'data', figureId: 'f1' }
		],
		decisions: [{ id: 'd1', number: 1, text: 'Beslut om ny åtgärdsplan för överföring' }],
		actions: {
			new: [{ id: 'a1', title: 'Ta fram åtgärdsplan för säkerhetskopior', description: '', ownerName: 'Åsa Öberg', ownerSide: 'supplier', dueDate: '2026-02-01', status: 'open' }],
			closed: [{ id: 'a2', title: 'Uppdatera kontaktlistan', description: 'Klart', ownerName: 'Karin Lund', ownerSide: 'customer', dueDate: null, status: 'done' }],
			open: []
		},
		figures: [{ id: 'f1', title: 'SLA per prioritet', from: '2025-12-01', to: '2025-12-31', periodLabel: periodLabels({ firstDay: '2025-12-01', lastDay: '2025-12-31' }), columns: ['Prioritet', 'Uppfyllt'], rows: [['P1', '100 %'], ['P2', 0.97], ['P3', null]] }],
		approvals: [
			{ role: 'chair', name: 'Åsa Öberg', at: '2026-01-16T10:00:00Z' },
			{ role: 'adjuster', name: 'Jörgen Ärlig', at: '2026-01-17T07:30:00Z' }
		],
		addenda: [],
		...overrides
	};
}
