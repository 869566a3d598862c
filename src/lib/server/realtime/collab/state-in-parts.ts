/**
 * A document's state for a joining client, encoded in parts a turn of the
 * event loop at a time. Yjs encodes a state in one synchronous call: for a
 * document of 18,000 structs (a long-edited text) that is 40–90 ms, during
 * which no other client's update is applied or relayed.
 *
 * A part is a valid Yjs update holding a run of one client's structs, in
 * clock order, and no deletions. Parts may be written while the document
 * changes in between: what a clock range holds never changes in Yjs (an item
 * may be split, merged, deleted or garbage-collected, but the content at
 * (client, clock) stays), so a part written earlier is still true later.
 * Whatever changed meanwhile, deletions included, goes into the final
 * `encodeStateAsUpdate(doc, what the parts held)`, which is small.
 *
 * This writes structs with their own `write`, as Yjs's `writeStructs` does
 * (yjs 13.6, src/utils/encoding.js); the unit tests check the parts against
 * Yjs's own encoding.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** Documents with fewer structs are encoded in one go (~3 µs a struct: under ~12 ms). */
export const STRUCTS_ENCODED_IN_ONE_GO = 4_000;
/** at most this many structs in one part, however fast the machine: parts stay small messages */
export const MAX_STRUCTS_PER_PART = 2_000;

type Struct = Y.Item | Y.GC;

function structsOf(doc: Y.Doc): Map<number, Struct[]> {
	return doc.store.clients as Map<number, Struct[]>;
}

export function structCount(doc: Y.Doc): number {
	let n = 0;
	for (const structs of structsOf(doc).values()) n += structs.length;
	return n;
}

/** Index of the struct holding `clock` (it must exist). */
function indexOfClock(structs: Struct[], clock: number): number {
	let lo = 0;
	let hi = structs.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		const s = structs[mid];
		if (clock < s.id.clock) hi = mid - 1;
		else if (clock >= s.id.clock + s.length) lo = mid + 1;
		else return mid;
	}
	throw new Error(`no struct holds clock ${clock}`);
}

/**
 * One part: `client`'s structs from `clock` on, whole structs, until `enough()`
 * says so (checked every few structs), MAX_STRUCTS_PER_PART are written or the
 * client's structs end. Returns the
 * update and the clock it reached. `clock` must be below the client's state.
 */
export function encodeStructsPart(doc: Y.Doc, client: number, clock: number, enough: () => boolean): { update: Uint8Array; next: number } {
	const structs = structsOf(doc).get(client);
	if (!structs) throw new Error(`no structs of client ${client}`);
	const first = indexOfClock(structs, clock);
	let end = first + 1;
	while (end < structs.length && end - first < MAX_STRUCTS_PER_PART && ((end - first) % 32 !== 0 || !enough())) end++;
	const encoder = new Y.UpdateEncoderV1();
	encoding.writeVarUint(encoder.restEncoder, 1); // one client
	encoding.writeVarUint(encoder.restEncoder, end - first);
	encoder.writeClient(client);
	encoding.writeVarUint(encoder.restEncoder, clock);
	structs[first].write(encoder, clock - structs[first].id.clock);
	for (let i = first + 1; i < end; i++) structs[i].write(encoder, 0);
	encoding.writeVarUint(encoder.restEncoder, 0); // no deletions
	const last = structs[end - 1];
	return { update: encoder.toUint8Array(), next: last.id.clock + last.length };
}

/**
 * The clients whose structs `target` lacks, with the clock it has of each,
 * highest client id first (Yjs's order: it helps its conflict resolution).
 */
export function missingFrom(doc: Y.Doc, target: Map<number, number>): [client: number, clock: number][] {
	const missing: [number, number][] = [];
	for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
		const has = target.get(client) ?? 0;
		if (clock > has) missing.push([client, has]);
	}
	return missing.sort((a, b) => b[0] - a[0]);
}
