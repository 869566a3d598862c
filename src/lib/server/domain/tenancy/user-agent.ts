/**
 * The device a session was opened on, in words a person recognises
 * ("Firefox on Windows"), from its User-Agent. Only the common browsers and
 * systems are named; anything else is the raw product token or null.
 */
export interface Device {
	browser: string | null;
	os: string | null;
}

const BROWSERS: [RegExp, string][] = [
	[/Edg(?:e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
	[/Safari\//, 'Safari'],
	[/node|undici|curl|python|Go-http-client/i, 'API']
];

const SYSTEMS: [RegExp, string][] = [
	[/iPhone|iPad|iPod/, 'iOS'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

export function deviceOf(userAgent: string | null): Device {
	if (!userAgent) return { browser: null, os: null };
	const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? null;
	const os = SYSTEMS.find(([re]) => re.test(userAgent))?.[1] ?? null;
	return { browser, os };
}

/** "Firefox · Windows", "Safari", or null when nothing is recognised. */
export function deviceLabel(userAgent: string | null): string | null {
	const { browser, os } = deviceOf(userAgent);
	return [browser, os].filter(Boolean).join(' · ') || null;
}
