// Checks real JSON values against the package's TypeScript interfaces (pkg/fangkong.d.ts:
// hand-written in src/types.d.ts, plus the pack's unions from scripts/gen-types.mjs), read
// with the TypeScript compiler's type checker: every required property present, no property
// the type does not declare, literal unions respected.
import ts from 'typescript';

export function loadTypes(dts) {
  const program = ts.createProgram([dts], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.esnext.disposable.d.ts'], types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(dts);
  const exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((s) => [s.name, s]));
  const typeOf = (name) => {
    const sym = exports.get(name);
    if (!sym) throw new Error(`${dts} exports no ${name}`);
    return checker.getDeclaredTypeOfSymbol(sym);
  };

  /** Problems of `value` as a `name` (empty when it conforms). */
  function problems(value, name) {
    const out = [];
    check(value, typeOf(name), name, out);
    return out;
  }

  function check(value, type, path, out) {
    const F = ts.TypeFlags;
    const shown = () => `${path}: ${JSON.stringify(value)?.slice(0, 80)} is not ${checker.typeToString(type)}`;
    if (type.flags & (F.Any | F.Unknown)) return;
    if (type.isUnion()) {
      for (const t of type.types) {
        const sub = [];
        check(value, t, path, sub);
        if (sub.length === 0) return;
      }
      out.push(shown());
      return;
    }
    if (type.isIntersection()) {
      for (const t of type.types) check(value, t, path, out);
      return;
    }
    if (type.isStringLiteral() || type.isNumberLiteral()) {
      if (value !== type.value) out.push(shown());
      return;
    }
    if (type.flags & F.BooleanLiteral) {
      if (value !== (checker.typeToString(type) === 'true')) out.push(shown());
      return;
    }
    if (type.flags & F.String) { if (typeof value !== 'string') out.push(shown()); return; }
    if (type.flags & F.Number) { if (typeof value !== 'number') out.push(shown()); return; }
    if (type.flags & F.Boolean) { if (typeof value !== 'boolean') out.push(shown()); return; }
    if (type.flags & F.Null) { if (value !== null) out.push(shown()); return; }
    if (type.flags & F.Undefined) { if (value !== undefined) out.push(shown()); return; }
    if (checker.isArrayType(type)) {
      if (!Array.isArray(value)) { out.push(shown()); return; }
      const [element] = checker.getTypeArguments(type);
      value.forEach((v, i) => check(v, element, `${path}/${i}`, out));
      return;
    }
    if (type.flags & F.Object) {
      const props = checker.getPropertiesOfType(type);
      const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & F.String);
      if (props.length === 0 && !index) { if (value === null || value === undefined) out.push(shown()); return; } // `{}`
      if (value === null || typeof value !== 'object' || Array.isArray(value)) { out.push(shown()); return; }
      const names = new Set(props.map((p) => p.name));
      for (const p of props) {
        const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
        if (!Object.hasOwn(value, p.name)) {
          if (!optional) out.push(`${path}: missing ${p.name}`);
          continue;
        }
        let t = checker.getTypeOfSymbol(p);
        if (optional) t = checker.getNonNullableType(t);
        check(value[p.name], t, `${path}/${p.name}`, out);
      }
      for (const k of Object.keys(value)) {
        if (names.has(k)) continue;
        if (index) check(value[k], index.type, `${path}/${k}`, out);
        else out.push(`${path}: ${k} is not declared`);
      }
      return;
    }
    out.push(`${path}: cannot check against ${checker.typeToString(type)}`);
  }

  /** The string literals of a union type such as `Code` (its open `(string & {})` member left out). */
  function literals(name) {
    const type = typeOf(name);
    return (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => t.value);
  }

  return { problems, literals, names: [...exports.keys()] };
}
