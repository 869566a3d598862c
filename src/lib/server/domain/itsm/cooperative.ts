/**
 * Long work in short turns: an import of 140,000 rows must not stop the
 * server's websockets for seconds. Call the function yielder() returns between
 * small steps; it waits for the event loop (setImmediate, after pending I/O)
 * once the current turn has run for `budgetMs`, and costs a clock read otherwise.
 */
export function yielder(budgetMs = 10) {
	let since = performance.now();
	return async (): Promise<void> => {
		if (performance.now() - since < budgetMs) return;
		await new Promise((resolve) => setImmediate(resolve));
		since = performance.now();
	};
}

