// Subtests comparing the wasm package's answers with the CLI's, byte for byte.

/** One subtest per kind; inside, one per case. Every kind must be answered by the package. */
export async function parityTests(t, cases, native, results, missing, assert) {
  for (const kind of new Set(cases.map((c) => c.kind))) {
    const ofKind = cases.filter((c) => c.kind === kind);
    await t.test(`${kind} (${ofKind.length} cases)`, async (t) => {
      const m = missing.get(kind);
      assert.equal(m, undefined, `the package has no Engine.${m?.method}: ${m?.count} ${kind} cases cannot run`);
      for (const c of ofKind) {
        await t.test(c.file, (t) => {
          const want = native.get(c.file);
          if (want.skip) return t.skip(want.skip);
          const got = results[c.file];
          assert.ok(got && Object.keys(got).length > 0, 'no wasm answer');
          for (const [how, r] of Object.entries(got)) {
            assert.equal(r.error, undefined, `${how}: ${r.error}`);
            assert.equal(r.json, want.line, `${how} differs from the CLI`);
          }
        });
      }
    });
  }
}
