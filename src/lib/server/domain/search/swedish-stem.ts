/**
 * A light Swedish stemmer for search: the Snowball Swedish suffix steps over
 * the R1 region, plus the definite neuter -et/-ets that Snowball keeps (so
 * "lösenordet" meets "lösenord"). Search matches the stem as a prefix, so
 * stemming a little too far only widens the hits, never loses the article.
 *
 * One exception to Snowball: the agent noun in -are keeps its "ar"
 * ("skrivare", "skrivaren" → "skrivar"), or "skrivare" would search for
 * "skriv" and find every article that says "skriv ut".
 */
const VOWELS = 'aeiouyäåö';
const isVowel = (c: string) => VOWELS.includes(c);

// longest first, so "arnas" wins over "as"
const STEP1 = [
	'heterna', 'hetens', 'anden', 'andes', 'andet', 'arens', 'arnas', 'ernas', 'ornas', 'heten', 'heter',
	'arna', 'erna', 'orna', 'ande', 'arne', 'aste', 'aren', 'ades', 'erns', 'ets',
	'ade', 'are', 'ern', 'ens', 'het', 'ast',
	'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at', 'et',
	'a', 'e'
];
// -are, -aren, -arens: the "ar" stays (see above)
const AGENT_NOUN = ['are', 'aren', 'arens'];
const S_ENDING = 'bcdfghjklmnoprtvy';
const STEP2 = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];

function r1Start(word: string): number {
	for (let i = 1; i < word.length; i++) {
		if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(3, i + 1);
	}
	return word.length;
}

export function swedishStem(input: string): string {
	let word = input.toLowerCase();
	if (word.length < 4) return word;
	const r1 = r1Start(word);
	const inR1 = (suffix: string) => word.endsWith(suffix) && word.length - suffix.length >= r1;

	const s1 = STEP1.find(inR1);
	if (s1) word = word.slice(0, -(AGENT_NOUN.includes(s1) ? s1.length - 2 : s1.length));
	else if (inR1('s') && S_ENDING.includes(word[word.length - 2] ?? '')) word = word.slice(0, -1);

	if (STEP2.some(inR1)) word = word.slice(0, -1);

	if (inR1('fullt')) word = word.slice(0, -1);
	else if (inR1('löst')) word = word.slice(0, -1);
	else {
		const s3 = ['lig', 'els', 'ig'].find(inR1);
		if (s3) word = word.slice(0, -s3.length);
	}
	// too short a stem matches half the dictionary as a prefix
	return word.length >= 3 ? word : input.toLowerCase();
}
