
// --- The pack compiler's functions (src/wasm/api-compiler.js, the compiler module only) ---

/**
 * Compile a rule pack (as `new Engine(pack)` does) into the compact form that the runtime
 * module loads with `Engine.fromCompiled(bytes)`, without the pack compiler.
 */
export function compilePack(pack) {
    __fk_ready();
    return __fk_made(_compilePack(__fk_pack(pack)));
}

/**
 * The CLI's `lint-pack`: compile the pack, then check that every field and rule has a label in
 * each locale: `{ ok, versions, missingLabels }`.
 */
export function lint(pack) {
    __fk_ready();
    return JSON.parse(__fk_made(_lint(__fk_pack(pack))));
}
