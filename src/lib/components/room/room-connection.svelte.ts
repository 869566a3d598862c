/**
 * The browser's end of the live room: one socket.io connection (websocket
 * transport, the session cookie goes with the handshake), re-joined after
 * every reconnect so a dropped participant lands in the current state.
 *
 * Following is local: a follower shows the presenter's slide (or the page of
 * the material shown) until they browse on their own (detached), and "follow
 * again" snaps back.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, RoomError, RoomState, ServerToClientEvents, ShownMaterial, You } from '$lib/realtime/room/events';
import { ROOM_PATH } from '$lib/realtime/room/events';
import { applySlide, applyState, noRevisionsSeen } from '$lib/realtime/room/ordering';
import { SLIDE_KEYS } from '$lib/realtime/room/slides';

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class RoomConnection {
	state = $state<RoomState | null>(null);
	you = $state<You | null>(null);
	connected = $state(false);
	/** the last refusal, shown to the user until the next action */
	error = $state<RoomError | null>(null);
	following = $state(true);
	/** what this viewer looks at on their own (not presenting, not following) */
	ownSlide = $state(0);
	ownMaterial = $state<ShownMaterial | null>(null);
	ownPage = $state(1);
	/** server clock − local clock, for timers */
	clockOffset = $state(0);
	private socket: RoomSocket | null = null;
	/** the newest broadcasts applied, so a late, older one is ignored */
	private seen = noRevisionsSeen();

	constructor(readonly meetingId: string) {}

	connect(): void {
		const socket: RoomSocket = io({ path: ROOM_PATH, transports: ['websocket'], reconnectionDelayMax: 3000 });
		this.socket = socket;
		socket.on('connect', () => {
			this.connected = true;
			// another instance, or the same one restarted: its broadcasts are the ones to follow now
			this.seen = noRevisionsSeen();
			socket.emit('room:join', { meetingId: this.meetingId });
		});
		socket.on('disconnect', () => (this.connected = false));
		socket.on('connect_error', () => (this.connected = false));
		socket.on('room:state', (s) => {
			const next = applyState(this.state, s, this.seen);
			if (!next) return;
			this.state = next;
			this.clockOffset = Date.parse(s.serverNow) - Date.now();
		});
		socket.on('room:you', (y) => (this.you = y));
		socket.on('room:slide', (s) => {
			const next = applySlide(this.state, s, this.seen);
			if (next) this.state = next;
		});
		socket.on('room:note', (n) => {
			if (this.state) this.state.notes[n.slide] = n.text;
		});
		socket.on('room:error', (e) => (this.error = e));
	}

	disconnect(): void {
		this.socket?.disconnect();
		this.socket = null;
	}

	emit<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Ack> {
		this.error = null;
		return new Promise((resolve) => {
			if (!this.socket) return resolve({ ok: false, error: { event, code: 'error', message: 'offline' } });
			(this.socket.emit as (e: string, p: unknown, ack: (a: Ack) => void) => void)(event, payload, resolve);
		});
	}

	get isPresenter(): boolean {
		return !!this.state?.presenting && this.state.presenterId === this.you?.personId;
	}

	/** Following the presenter right now (a presentation runs, I am not presenting and not detached). */
	get isFollowing(): boolean {
		return !!this.state?.presenting && !this.isPresenter && this.following;
	}

	get detached(): boolean {
		return !!this.state?.presenting && !this.isPresenter && !this.following;
	}

	/** Whether this viewer sees what is presented (presenting or following), not their own view. */
	private get sharesView(): boolean {
		return !!this.state && (this.isPresenter || this.isFollowing);
	}

	get slide(): number {
		return this.sharesView ? this.state!.slide : this.ownSlide;
	}

	/** The material this viewer sees instead of the slides, if any. */
	get material(): ShownMaterial | null {
		return this.sharesView ? this.state!.material : this.ownMaterial;
	}

	get page(): number {
		return this.sharesView ? this.state!.page : this.ownPage;
	}

	/** To a slide (which puts a material shown away): the presenter moves the room, anyone else browses alone. */
	go(slide: number): void {
		const target = Math.max(0, Math.min(SLIDE_KEYS.length - 1, slide));
		if (this.isPresenter && this.state) {
			this.state.slide = target;
			this.state.material = null;
			void this.emit('slide:go', { slide: target });
			return;
		}
		if (this.isFollowing) this.following = false;
		this.ownMaterial = null;
		this.ownSlide = target;
	}

	/** To a page of the material seen (of `pages`): like `go`, for the presenter or alone. */
	turnPage(page: number, pages: number): void {
		const material = this.material;
		if (!material) return;
		const target = Math.max(1, Math.min(Math.max(1, pages), page));
		if (this.isPresenter && this.state) {
			this.state.page = target;
			void this.emit('page:go', { page: target });
			return;
		}
		if (this.isFollowing) this.following = false;
		this.ownMaterial = material;
		this.ownPage = target;
	}

	/** The presenter (or the chair) shows a PDF of the material to the room, from its first page. */
	async presentMaterial(materialId: string): Promise<void> {
		await this.emit('present:material', { materialId, page: 1 });
	}

	followAgain(): void {
		this.following = true;
	}

	async startPresenting(): Promise<void> {
		// present from what I am looking at; one event, so a slide moved
		// right after the start is never overtaken by the start's own position
		const material = this.material;
		if (material) await this.emit('present:material', { materialId: material.id, page: this.page });
		else await this.emit('present:start', { slide: this.slide });
	}
}
