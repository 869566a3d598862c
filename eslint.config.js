import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Where Kysely query building and raw `sql` may appear (see the rule below). */
const sqlAllowedFiles = [
	'**/*.repository.ts',
	'src/lib/server/db/**',
	'migrations/**',
	'server/migrate.ts',
	'tests/**',
	'bench/**',
	'**/*.test.ts',
	'src/lib/server/**/test/**'
];

const QUERY_BUILDERS = 'selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom';
const SQL_MESSAGE = 'SQL belongs in a *.repository.ts (db first); call a repository function from here.';

const UNEXECUTED_MESSAGE = 'This query is built but never run: end it with .execute() (or .executeTakeFirst…).';

/**
 * A repository statement whose chain lost its `.execute()` (as a merge once left it) still type-checks
 * and awaits fine, but does nothing. Flags an exported arrow function's body, an awaited value and a
 * returned value that build a query and end in a builder method instead of running it.
 */
const unexecuted = (context) =>
	`${context}[callee.type='MemberExpression'][callee.property.name!=/^(execute|executeTakeFirst|executeTakeFirstOrThrow|stream|compile|then)$/]` +
	`[callee.object.type!='AwaitExpression'][callee.object.name!='Promise']:has(CallExpression[callee.property.name=/^(${QUERY_BUILDERS})$/])`;
const queriesAreRun = [
	'ExportNamedDeclaration VariableDeclarator > ArrowFunctionExpression > CallExpression.body',
	'AwaitExpression > CallExpression.argument',
	'ReturnStatement > CallExpression.argument'
].map((context) => ({ selector: unexecuted(context), message: UNEXECUTED_MESSAGE }));

/** `no-restricted-syntax` entries that flag SQL outside repositories. */
const sqlOnlyInRepositories = [
	{ selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${QUERY_BUILDERS})$/]`, message: SQL_MESSAGE },
	{ selector: "CallExpression[callee.object.type='MemberExpression'][callee.object.property.name='schema']", message: SQL_MESSAGE },
	{ selector: "ImportDeclaration[source.value='kysely'] > ImportSpecifier[imported.name=/^(sql|CompiledQuery)$/]", message: SQL_MESSAGE },
	{ selector: "TaggedTemplateExpression[tag.name='sql'], TaggedTemplateExpression[tag.object.name='sql']", message: SQL_MESSAGE },
	{ selector: "CallExpression[callee.object.name=/^(sql|CompiledQuery)$/]", message: SQL_MESSAGE },
	{ selector: "CallExpression[callee.property.name='executeQuery']", message: SQL_MESSAGE }
];

export default ts.config(
	{
		ignores: ['build/', 'build-*/', '.svelte-kit/', '.svelte-kit-*/', 'src/lib/paraglide/', 'data/', 'node_modules/', 'test-results/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// `_`-prefixed names mark values that are deliberately unused (e.g. fields stripped by destructuring)
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
			// Our links are plain hrefs; SvelteKit's resolve() adds nothing without a base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	// SQL lives in repositories (issue 20 point 3): Kysely query building and raw `sql` only in
	// `*.repository.ts`, the db layer, migrations, tests and benchmarks. Services authorize, then call
	// repositories with `db` first.
	{
		files: ['**/*.ts', '**/*.js', '**/*.svelte'],
		ignores: sqlAllowedFiles,
		rules: { 'no-restricted-syntax': ['error', ...sqlOnlyInRepositories] }
	},
	// Where SQL is written (repositories and the db layer), every statement built is also run.
	{
		files: ['**/*.repository.ts', 'src/lib/server/db/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-syntax': ['error', ...queriesAreRun] }
	},
	{
		files: ['tests/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
