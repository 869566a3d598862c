/**
 * The wire format of messages between app instances about one shared document
 * (Redis pub/sub, one channel per document). Binary, so Yjs updates travel as
 * they are:
 *
 *   u8 format version (1)
 *   varstring sender (this process: instance id + a random suffix)
 *   varuint kind, then per kind:
 *     update          varuint log rows it was stored as, varuint8array Yjs update
 *     awareness       varuint8array y-protocols awareness update
 *     lock            nothing (the document became read-only for everyone)
 *     compacted       varuint log rows the compaction folded into the snapshot
 *     awarenessQuery  nothing ("send me your clients' presence")
 *     stale           nothing ("I committed changes I could not publish: compare with the database")
 *     access          varstring JSON of an AccessChange (on the access channel: whose sockets to re-check)
 *
 * Anything arriving from Redis is untrusted input: decoding checks every field
 * and the Yjs / awareness payloads, and answers null for anything else.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { decodePresence } from './presence';
import { parseAccessChange, type AccessChange } from '$lib/server/domain/tenancy/access-events';

const FORMAT = 1;

/** The channel of access changes, beside the documents' (a document name never starts with "~"). */
export const ACCESS_CHANNEL = '~access';
const MAX_SENDER = 200;

export const FanoutKind = { update: 0, awareness: 1, lock: 2, compacted: 3, awarenessQuery: 4, stale: 5, access: 6 } as const;

export type FanoutBody =
	| { kind: 'update'; rows: number; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'lock' }
	| { kind: 'compacted'; rows: number }
	| { kind: 'awarenessQuery' }
	| { kind: 'stale' }
	| { kind: 'access'; change: AccessChange };

export type FanoutMessage = FanoutBody & { sender: string };

export function encodeFanout(message: FanoutMessage): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeUint8(e, FORMAT);
	encoding.writeVarString(e, message.sender);
	encoding.writeVarUint(e, FanoutKind[message.kind]);
	switch (message.kind) {
		case 'update':
			encoding.writeVarUint(e, message.rows);
			encoding.writeVarUint8Array(e, message.update);
			break;
		case 'awareness':
			encoding.writeVarUint8Array(e, message.update);
			break;
		case 'compacted':
			encoding.writeVarUint(e, message.rows);
			break;
		case 'access':
			encoding.writeVarString(e, JSON.stringify(message.change));
			break;
		case 'lock':
		case 'awarenessQuery':
		case 'stale':
			break;
	}
	return encoding.toUint8Array(e);
}

/** The message, or null (with the reason) when it is not one we sent. */
export function decodeFanout(bytes: Uint8Array): { message: FanoutMessage } | { error: string } {
	try {
		const d = decoding.createDecoder(bytes);
		const format = decoding.readUint8(d);
		if (format !== FORMAT) return { error: `unknown format ${format}` };
		const sender = decoding.readVarString(d);
		if (sender.length === 0 || sender.length > MAX_SENDER) return { error: 'bad sender' };
		const kind = decoding.readVarUint(d);
		let body: FanoutBody;
		switch (kind) {
			case FanoutKind.update: {
				const rows = decoding.readVarUint(d);
				const update = decoding.readVarUint8Array(d);
				// Parses every struct: garbage fails here, not inside a live doc.
				Y.decodeUpdate(update);
				body = { kind: 'update', rows, update };
				break;
			}
			case FanoutKind.awareness: {
				const update = decoding.readVarUint8Array(d);
				// The layout y-protocols reads, each state an object (or null) within the size limit.
				decodePresence(update);
				body = { kind: 'awareness', update };
				break;
			}
			case FanoutKind.lock:
				body = { kind: 'lock' };
				break;
			case FanoutKind.compacted:
				body = { kind: 'compacted', rows: decoding.readVarUint(d) };
				break;
			case FanoutKind.awarenessQuery:
				body = { kind: 'awarenessQuery' };
				break;
			case FanoutKind.stale:
				body = { kind: 'stale' };
				break;
			case FanoutKind.access: {
				const change = parseAccessChange(JSON.parse(decoding.readVarString(d)));
				if (!change) return { error: 'bad access change' };
				body = { kind: 'access', change };
				break;
			}
			default:
				return { error: `unknown kind ${kind}` };
		}
		if (decoding.hasContent(d)) return { error: 'trailing bytes' };
		if ('rows' in body && !Number.isSafeInteger(body.rows)) return { error: 'bad row count' };
		return { message: { ...body, sender } };
	} catch (err) {
		return { error: String(err).slice(0, 100) };
	}
}
