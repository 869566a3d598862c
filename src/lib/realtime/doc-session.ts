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

/**
 * What the indicator shows. 'saved' only once the server confirmed that this
 * connection's edits are in the database; 'readonly' when it answered that
 * they were dropped (the person may only read); 'offline' while the browser is
 * offline or the connection is down (edits wait locally and merge on reconnect).
 */
export type SyncState = 'connecting' | 'saving' | 'saved' | 'offline' | 'readonly';
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

	// Saved / saving: every local change makes us "saving" until a flush barrier
	// sent after it is answered, which means the server has it in the database.
	// Each connection sends one barrier once synced too: its answer says whether
	// this connection may write at all, so a reader never sees "saved".
	let changes = 0;
	let savedUpTo = 0;
	let loaded = false;
	let link: 'connecting' | 'offline' | 'synced' = 'connecting';
	/** a barrier sent on the current connection was answered */
	let answered = false;
	/** the last answer said this connection's edits are dropped */
	let readOnly = false;
	/** closed for good (44xx) or destroyed: going online does not reconnect */
	let ended = false;
	let shown: SyncState | null = null;
	const show = () => {
		const state: SyncState =
			link !== 'synced' ? link : readOnly ? 'readonly' : savedUpTo < changes ? 'saving' : answered ? 'saved' : 'connecting';
		if (state === shown) return;
		shown = state;
		opts.onSync?.(state);
	};

	let timer: ReturnType<typeof setTimeout> | null = null;
	const flushNow = () => {
		if (link !== 'synced') return;
		const upTo = changes;
		flush().then(
			(result) => {
				answered = true;
				readOnly = result === 'dropped';
				if (!readOnly) savedUpTo = Math.max(savedUpTo, upTo);
				show();
			},
			() => {
				/* connection dropped: the status handler shows offline, the next sync retries */
			}
		);
	};
	const requestFlush = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			flushNow();
		}, 250);
	};
	const onUpdate = (_update: Uint8Array, from: unknown) => {
		// remote content or the local copy being read back: not ours to save
		if (from === provider || from === local) return;
		changes++;
		show();
		requestFlush();
	};
	doc.on('update', onUpdate);

	provider.on('status', ({ status }: { status: string }) => {
		if (status === 'connected') {
			link = 'connecting';
			answered = false;
		} else if (status === 'disconnected') link = 'offline';
		show();
	});
	provider.on('sync', (isSynced: boolean) => {
		if (!isSynced) return;
		if (!loaded) {
			loaded = true;
			opts.onLoaded?.();
		}
		// On (re)connect the provider resent our state (edits made offline included): confirm it is stored.
		link = 'synced';
		show();
		flushNow();
	});
	// The browser knows it is offline before the socket does (it may hang on
	// for a long while): stop sending, keep the edits, and reconnect (which
	// resends and merges them) when it is back.
	const goOffline = () => {
		provider.disconnect();
		link = 'offline';
		show();
	};
	const goOnline = () => {
		if (!ended) provider.connect();
	};
	const win = typeof window === 'undefined' ? null : window;
	win?.addEventListener('offline', goOffline);
	win?.addEventListener('online', goOnline);
	// A terminal close (the stock client stops retrying on 44xx).
	provider.on('closed', (event: { code: number }) => {
		ended = true;
		link = 'offline';
		show();
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
			ended = true;
			win?.removeEventListener('offline', goOffline);
			win?.removeEventListener('online', goOnline);
			if (timer) clearTimeout(timer);
			doc.off('update', onUpdate);
			provider.destroy();
			void local?.destroy();
		}
	};
}
