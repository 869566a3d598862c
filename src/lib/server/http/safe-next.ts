/**
 * Where the login page sends a person after signing in: only a path on this
 * site, else the start page. The value is parsed the way a browser parses the
 * Location header it ends up in (WHATWG URL: tabs and line breaks dropped, a
 * backslash read as a slash), so `/\evil.example`, `/%09/evil.example` (the
 * query decodes it to a tab) and `//evil.example` all name another host and
 * are refused. What comes back is the parsed URL's own path, query and
 * fragment: percent-encoded, never a line break, never `//…`.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
	if (!next) return '/';
	const base = new URL(origin);
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return '/';
	}
	if (url.origin !== base.origin) return '/';
	const path = `${url.pathname}${url.search}${url.hash}`;
	// "/.//evil.example" normalises to "//evil.example", which a browser reads as another host
	return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
