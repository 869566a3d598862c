/** For tests: counts the turns of the event loop (one setImmediate each) from now until stopped. */
export function countTurns(): { readonly turn: number; stop(): void } {
	let turn = 0;
	let counting = true;
	const count = () => {
		turn++;
		if (counting) setImmediate(count);
	};
	setImmediate(count);
	return {
		get turn() {
			return turn;
		},
		stop: () => (counting = false)
	};
}
