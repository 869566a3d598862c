/**
 * Presence (y-protocols awareness updates) as the collab server checks it
 * before it touches the document's awareness: decoded entry by entry, so
 * entries can be dropped and identity fields overwritten, then encoded again
 * in the same layout (count, then per entry client id, clock, JSON state).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceIdentity } from '$lib/realtime/presence';
import { CloseCode, MAX_PRESENCE_STATE_BYTES } from '$lib/realtime/protocol';
import { CollabError } from './collab-error';

export interface PresenceEntry {
	clientId: number;
	clock: number;
	/** null: the client left (or cleared its presence) */
	state: Record<string, unknown> | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const toUtf8 = new TextEncoder();

const tooLarge = () => new CollabError(CloseCode.messageTooLarge, 'presence state too large');

/**
 * The entries of an awareness update. Throws a CollabError: 4413 for a state
 * above MAX_PRESENCE_STATE_BYTES (checked before it is parsed), 4400 for
 * anything that does not decode or whose state is not an object or null.
 */
export function decodePresence(update: Uint8Array, maxStateBytes = MAX_PRESENCE_STATE_BYTES): PresenceEntry[] {
	const entries: PresenceEntry[] = [];
	try {
		const d = decoding.createDecoder(update);
		const count = decoding.readVarUint(d);
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(d);
			const clock = decoding.readVarUint(d);
			const json = decoding.readVarUint8Array(d);
			if (json.byteLength > maxStateBytes) throw tooLarge();
			const state: unknown = JSON.parse(utf8.decode(json));
			if (typeof state !== 'object' || Array.isArray(state)) throw new CollabError(CloseCode.badMessage, 'presence state is not an object');
			entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
		}
		if (decoding.hasContent(d)) throw new CollabError(CloseCode.badMessage, 'trailing bytes in presence');
	} catch (err) {
		if (err instanceof CollabError) throw err;
		throw new CollabError(CloseCode.badMessage, 'presence does not decode');
	}
	return entries;
}

/**
 * The awareness update of these entries. Throws a CollabError (4413) when a
 * state is above the limit as encoded: what we relay stays within it, so the
 * stock client's echo of it (it sends every presence it receives back) does too.
 */
export function encodePresence(entries: readonly PresenceEntry[], maxStateBytes = MAX_PRESENCE_STATE_BYTES): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(e, entry.clientId);
		encoding.writeVarUint(e, entry.clock);
		// the layout of writeVarString: byte length, then UTF-8
		const json = toUtf8.encode(JSON.stringify(entry.state));
		if (json.byteLength > maxStateBytes) throw tooLarge();
		encoding.writeVarUint8Array(e, json);
	}
	return encoding.toUint8Array(e);
}

/** The state with the identity fields the server knows replacing whatever the client wrote there. */
export function withIdentity(entry: PresenceEntry, identity: PresenceIdentity): PresenceEntry {
	if (entry.state === null) return entry;
	return { ...entry, state: { ...entry.state, name: identity.name, color: identity.color, awarenessData: { ...identity.awarenessData } } };
}
