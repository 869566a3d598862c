import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { presenceIdentity } from '$lib/realtime/presence';
import { CloseCode, MAX_PRESENCE_STATE_BYTES } from '$lib/realtime/protocol';
import { CollabError } from './collab-error';
import { decodePresence, encodePresence, withIdentity } from './presence';

function raw(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, entries.length);
	for (const x of entries) {
		encoding.writeVarUint(e, x.clientId);
		encoding.writeVarUint(e, x.clock);
		encoding.writeVarString(e, x.json);
	}
	return encoding.toUint8Array(e);
}

const closeCode = (fn: () => unknown) => {
	try {
		fn();
	} catch (err) {
		return err instanceof CollabError ? err.code : 'not a CollabError';
	}
	return 'no error';
};

describe('decodePresence / encodePresence', () => {
	it('reads what the stock awareness writes and writes what it reads', () => {
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({ name: 'Eva', cursor: { index: 3 } });
		const entries = decodePresence(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
		expect(entries).toEqual([{ clientId: doc.clientID, clock: 1, state: { name: 'Eva', cursor: { index: 3 } } }]);

		const other = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(other, encodePresence(entries), null);
		expect(other.getStates().get(doc.clientID)).toEqual({ name: 'Eva', cursor: { index: 3 } });
	});

	it('refuses a state above the limit with 4413, before parsing it', () => {
		const big = JSON.stringify({ name: 'x'.repeat(MAX_PRESENCE_STATE_BYTES) });
		expect(closeCode(() => decodePresence(raw([{ clientId: 1, clock: 1, json: '{}' }, { clientId: 2, clock: 1, json: big }])))).toBe(CloseCode.messageTooLarge);
		// not even valid JSON: the size decides first
		expect(closeCode(() => decodePresence(raw([{ clientId: 1, clock: 1, json: '['.repeat(MAX_PRESENCE_STATE_BYTES + 1) }])))).toBe(CloseCode.messageTooLarge);
	});

	it('refuses to encode a state above the limit (what the server would relay, identity fields included)', () => {
		const state = { blob: 'å'.repeat(MAX_PRESENCE_STATE_BYTES / 2) };
		expect(closeCode(() => encodePresence([{ clientId: 1, clock: 1, state }]))).toBe(CloseCode.messageTooLarge);
		expect(closeCode(() => encodePresence([{ clientId: 1, clock: 1, state: { blob: 'a'.repeat(MAX_PRESENCE_STATE_BYTES - 20) } }]))).toBe('no error');
	});

	it('refuses what does not decode or is not an object (or null) with 4400', () => {
		for (const json of ['{', '[]', '"x"', '3', 'true']) expect(closeCode(() => decodePresence(raw([{ clientId: 1, clock: 1, json }]))), json).toBe(CloseCode.badMessage);
		expect(closeCode(() => decodePresence(Uint8Array.of(2, 1, 1)))).toBe(CloseCode.badMessage);
		const trailing = new Uint8Array([...raw([{ clientId: 1, clock: 1, json: '{}' }]), 7]);
		expect(closeCode(() => decodePresence(trailing))).toBe(CloseCode.badMessage);
		expect(decodePresence(raw([{ clientId: 5, clock: 2, json: 'null' }]))).toEqual([{ clientId: 5, clock: 2, state: null }]);
	});
});

describe('withIdentity', () => {
	const me = presenceIdentity({ personId: 'p-reader', name: 'Rut Läsare', side: 'customer' });

	it('writes the server’s name, side and colour over whatever the client claimed, keeping the rest', () => {
		const forged = { clientId: 9, clock: 4, state: { name: 'Leverantörens admin', color: '#000000', awarenessData: { personId: 'p-admin', side: 'supplier', extra: 1 }, anchorPos: { a: 1 }, focusing: true } };
		expect(withIdentity(forged, me)).toEqual({
			clientId: 9,
			clock: 4,
			state: { name: 'Rut Läsare', color: me.color, awarenessData: { personId: 'p-reader', side: 'customer' }, anchorPos: { a: 1 }, focusing: true }
		});
		expect(withIdentity({ clientId: 9, clock: 5, state: null }, me).state).toBeNull();
	});
});
