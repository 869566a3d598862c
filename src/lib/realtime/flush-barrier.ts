/**
 * Client side of the flush barrier (message type 100). Works with the stock
 * y-websocket `WebsocketProvider` by adding a handler to its `messageHandlers`.
 *
 *   const flush = installFlushBarrier(provider);
 *   if ((await flush()) === 'saved') // everything this client sent so far is in the database
 *
 * 'dropped': the server answered, but this connection may not write (read
 * access, or the document was locked): what it sent was not saved.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { BarrierOutcome, MessageType } from './protocol';

export type FlushResult = 'saved' | 'dropped';

/** The part of `WebsocketProvider` we need (kept structural so tests and the UI can share it). */
export interface BarrierProvider {
	ws: { send(data: Uint8Array): void; readyState: number } | null;
	wsconnected: boolean;
	messageHandlers: Array<(encoder: encoding.Encoder, decoder: decoding.Decoder, provider: never, emitSynced: boolean, type: number) => void>;
	on(event: 'connection-close', cb: () => void): void;
}

export function installFlushBarrier(provider: BarrierProvider): () => Promise<FlushResult> {
	let next = 1;
	const waiting = new Map<number, { resolve: (result: FlushResult) => void; reject: (e: Error) => void }>();
	provider.messageHandlers[MessageType.flushBarrier] = (_encoder, decoder) => {
		const id = decoding.readVarUint(decoder);
		// A server without the outcome field only ever answered for committed updates.
		const outcome = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : BarrierOutcome.committed;
		waiting.get(id)?.resolve(outcome === BarrierOutcome.committed ? 'saved' : 'dropped');
		waiting.delete(id);
	};
	// A barrier never answered because the connection dropped proves nothing: fail it.
	provider.on('connection-close', () => {
		for (const w of waiting.values()) w.reject(new Error('connection closed before the flush barrier was answered'));
		waiting.clear();
	});
	return () =>
		new Promise<FlushResult>((resolve, reject) => {
			const ws = provider.ws;
			if (!ws || !provider.wsconnected) return reject(new Error('not connected'));
			const id = next++;
			waiting.set(id, { resolve, reject });
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MessageType.flushBarrier);
			encoding.writeVarUint(encoder, id);
			ws.send(encoding.toUint8Array(encoder));
		});
}
