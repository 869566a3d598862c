/**
 * What a person did to the server-rendered page before the app started.
 *
 * A `<details>` works before any script has run: a click on its summary opens
 * it at once. When the app then starts (hydrates), a `bind:open` writes the
 * component's state into the element, and a form opened in that moment
 * closes again under the person's hands (on a slow line, seconds of it).
 * Components that bind `open` therefore start from the element's state as
 * the person left it: the root layout marks the app started once mounted,
 * and until then these read the server-rendered elements by id.
 */
import { browser } from '$app/environment';

let started = false;

/** Called once by the root layout when the app has started. */
export function markAppStarted(): void {
	started = true;
}

/** Whether the `<details id>` is open as the person left it before the app started; undefined once started or if absent. */
export function openedBeforeStart(id: string): boolean | undefined {
	if (!browser || started) return undefined;
	const element = document.getElementById(id);
	return element instanceof HTMLDetailsElement ? element.open : undefined;
}

/** The same for every `<details>` whose id starts with `prefix`, by the rest of their id: open or not. */
export function disclosuresBeforeStart(prefix: string): Record<string, boolean> {
	const found: Record<string, boolean> = {};
	if (!browser || started) return found;
	for (const element of document.querySelectorAll<HTMLDetailsElement>(`details[id^="${CSS.escape(prefix)}"]`)) {
		found[element.id.slice(prefix.length)] = element.open;
	}
	return found;
}
