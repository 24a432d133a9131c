// The compiler module's (`fangkong/compiler`) declarations are those of the runtime module
// (src/wasm/api.d.ts) with two differences, written here: `Engine`'s constructor (the block
// between the markers replaces the runtime's, which says the module has no compiler), and the
// functions after the second marker, put after the classes (before `memoryUsage`). scripts/bare-glue.mjs puts them together.
// --- constructor ---
    /**
     * Load, check and compile a rule pack given as JSON text or as a plain object: one pack
     * document, or an array of versions of one family (`extends` may name an embedded pack).
     * Throws an `Error` (`code` = `pack.*`, `path` = JSON Pointer of the first mistake in
     * the pack, `errors` = every mistake as `{ path, code, message }`) for a bad pack.
     */
    constructor(pack: string | object);
// --- functions ---
/**
 * Compile a rule pack (as `new Engine(pack)` does) into the compact form that the runtime
 * module loads with `Engine.fromCompiled(bytes)`, without the pack compiler. The bytes are
 * for the same package version. Throws like `new Engine(pack)` for a bad pack.
 */
export function compilePack(pack: string | object): Uint8Array;

/**
 * The CLI's `lint-pack`: compile the pack (throwing like `new Engine(pack)` for a mistake),
 * then check that every field and rule has a label in each locale. Returns `{ ok, versions:
 * [{ id, version, hash, rules, effectiveFrom }], missingLabels: [{ version, locale, key }] }`;
 * `ok` is false when a label is missing.
 */
export function lint(pack: string | object): PackLint;

