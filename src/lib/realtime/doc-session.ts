/**
 * A browser's session with one shared document: the stock y-websocket
 * provider on our collab server, a local IndexedDB copy (y-indexeddb) so that
 * edits made offline survive a reload and merge on reconnect, and the
 * saved / saving / offline state from the flush barrier. Used by every live
 * component (minutes, activity list, internal notes); framework-free.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { COLLAB_PATH } from './doc-names';
import { installFlushBarrier } from './flush-barrier';
import { LOCAL_DB_PREFIX } from './local-copies';
import { CloseCode } from './protocol';

export type SyncState = 'connecting' | 'saving' | 'saved' | 'offline';
export type ClosedReason = 'unauthenticated' | 'forbidden' | 'other';

export interface DocSessionOptions {
	docName: string;
	doc: Y.Doc;
	/** writers keep a local copy for offline editing; readers need none */
	offline: boolean;
	onSync?(state: SyncState): void;
	/** the first time the document is complete (from the server) */
	onLoaded?(): void;
	/** the server refused or ended the session for good (4401, 4403, 4404) */
	onClosed?(reason: ClosedReason): void;
	/** the server changed this connection's access (e.g. minutes locked): reload what the page shows */
	onAccessChanged?(): void;
}

export interface DocSession {
	provider: WebsocketProvider;
	destroy(): void;
}


export function openDocSession(opts: DocSessionOptions): DocSession {
	const { doc, docName } = opts;
	const origin = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${COLLAB_PATH}`;
	const provider = new WebsocketProvider(origin, docName, doc, { connect: false });
	const flush = installFlushBarrier(provider as never);
	const local = opts.offline && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(LOCAL_DB_PREFIX + docName, doc) : null;
	const setSync = (s: SyncState) => opts.onSync?.(s);

	// Saved / saving: every local change makes us "saving" until a flush barrier
	// sent after it is answered, which means the server has it in the database.
	let changes = 0;
	let savedUpTo = 0;
	let loaded = false;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const connected = () => provider.wsconnected && provider.synced;
	const requestFlush = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			if (!connected()) return;
			const upTo = changes;
			flush().then(
				() => {
					savedUpTo = Math.max(savedUpTo, upTo);
					if (savedUpTo === changes && connected()) setSync('saved');
				},
				() => {
					/* connection dropped: the status handler shows offline, the next sync retries */
				}
			);
		}, 250);
	};
	const onUpdate = (_update: Uint8Array, from: unknown) => {
		// remote content or the local copy being read back: not ours to save
		if (from === provider || from === local) return;
		changes++;
		if (connected()) setSync('saving');
		requestFlush();
	};
	doc.on('update', onUpdate);

	provider.on('status', ({ status }: { status: string }) => {
		if (status === 'connected') setSync('connecting');
		else if (status === 'disconnected') setSync('offline');
	});
	provider.on('sync', (isSynced: boolean) => {
		if (!isSynced) return;
		if (!loaded) {
			loaded = true;
			opts.onLoaded?.();
		}
		// On (re)connect the provider resent our state (edits made offline included): confirm it is stored.
		if (savedUpTo === changes) setSync('saved');
		else {
			setSync('saving');
			requestFlush();
		}
	});
	// A terminal close (the stock client stops retrying on 44xx).
	provider.on('closed', (event: { code: number }) => {
		setSync('offline');
		if (event.code === CloseCode.unauthenticated) opts.onClosed?.('unauthenticated');
		else if (event.code === CloseCode.forbidden || event.code === CloseCode.unknownDocument) opts.onClosed?.('forbidden');
		else opts.onClosed?.('other');
	});
	provider.on('connection-close', (event: CloseEvent | null) => {
		// Access changed (e.g. write → read): the provider reconnects by itself.
		if (event?.code === CloseCode.accessChanged) opts.onAccessChanged?.();
	});

	provider.connect();

	return {
		provider,
		destroy() {
			if (timer) clearTimeout(timer);
			doc.off('update', onUpdate);
			provider.destroy();
			void local?.destroy();
		}
	};
}
