/**
 * A background round that runs now and then every `pollMs`, never two at
 * once: `nudge` asks for a round now (or right after the one running), and
 * `stop` waits for the running round. The outbox delivery and the ticket
 * sync workers each run one.
 */
export class PollingLoop {
	private timer: NodeJS.Timeout | null = null;
	private round: Promise<void> | null = null;
	private again = false;
	/** true until started, and once stopped: a round in progress may check it to end early */
	stopped = true;

	constructor(
		/** names the loop in the log when a round fails */
		private readonly name: string,
		private readonly runRound: () => Promise<unknown>,
		private readonly pollMs: () => number
	) {}

	start(): void {
		this.stopped = false;
		this.schedule(0);
	}

	/** Look now, instead of at the next poll. */
	nudge(): void {
		if (this.stopped) return;
		if (this.round) this.again = true;
		else this.schedule(0);
	}

	async stop(): Promise<void> {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		await this.round;
	}

	private schedule(ms: number): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = null;
			this.round = this.runRound()
				.then(() => undefined)
				.catch((err) => console.error(`${this.name}: round failed`, err))
				.finally(() => {
					this.round = null;
					if (this.stopped) return;
					const soon = this.again;
					this.again = false;
					this.schedule(soon ? 0 : this.pollMs());
				});
		}, ms);
		this.timer.unref();
	}
}
