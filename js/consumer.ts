// A consumer of the package's types, checked by `tsc --noEmit` (make test-types) with the
// current TypeScript and with the oldest one the types support (5.2; js/test/types.test.mjs):
// the types are real (not `any`), options are checked, answers are typed down to the
// diagnostics, each kind's decision is its own union, and `describe` is typed per kind.
import init, { Engine, version } from 'fangkong';
import type {
  AnswerLocale,
  Code,
  Decision,
  Diagnostic,
  FangkongError,
  FieldDescription,
  Filing,
  FilingAnswer,
  FilingDecision,
  GateId,
  GateResult,
  IndicatorsAnswer,
  InspectionDescription,
  JsonSchema,
  JsonValue,
  Kind,
  Options,
  PackStamp,
  RuleId,
} from 'fangkong';
import * as web from 'fangkong/web';
import { Engine as Compiler, compilePack, lint } from 'fangkong/compiler';
import type { PackLint } from 'fangkong/compiler';

const filing: Filing = {
  filedOn: '2020-02-03',
  plannedResumption: '2020-02-10',
  enterprise: { name: '深圳市某某科技有限公司', creditCode: '91440300MA5FCX3X1Q', whitelisted: false },
  staff: { total: 12, returning: 10, keyArea: { returned: 1, isolationComplete: 1 } },
  roster: [{ name: '张三', arrivedOn: '2020-02-01', keyAreaHistory: true }],
  measures: { canteen: { present: true, staggered: true }, dormitory: { areaM2: 40 } },
};
const options: Options = { now: new Date('2020-02-04T02:00:00Z'), locale: 'zh-CN', packVersion: '2020-02-10' };

/** A filing's decision, narrowed exhaustively: `incomplete` is the first rung. */
function decisionLabel(d: FilingDecision): string {
  switch (d) {
    case 'incomplete':
      return '待补充';
    case 'deferred':
      return '暂缓复工';
    case 'conditional':
      return '整改后复工';
    case 'approved':
      return '准予复工';
    default: {
      const unreachable: never = d;
      return unreachable;
    }
  }
}

/** An indicator report's decision, with the units' statuses (`missing` counts included). */
function indicatorsLabel(a: IndicatorsAnswer): string {
  switch (a.decision) {
    case 'incomplete':
      return `counts missing: ${a.units.filter((u) => u.indicators.some((i) => i.status === 'missing')).map((u) => u.id).join(', ')}`;
    case 'deferred':
      return 'errors';
    case 'conditional':
      return a.missing.length > 0 ? `reports missing: ${a.missing.join(', ')}` : 'short';
    case 'approved':
      return 'met';
    default: {
      const unreachable: never = a.decision;
      return unreachable;
    }
  }
}

/** One line of an error summary: codes of the default pack autocomplete, others fall to `default`. */
function summaryLine(d: Diagnostic, fields: ReadonlyMap<string, FieldDescription>): string {
  const code: Code = d.code;
  switch (code) {
    case 'field.required': {
      const id = d.params['field'];
      return typeof id === 'string' ? `${fields.get(id)?.label ?? id}: ${d.message}` : d.message;
    }
    case 'filing.lead_time':
    case 'filing.before_province_date':
      return `${d.path}: ${d.message} (${d.help ?? ''})`;
    default:
      return d.message;
  }
}

/** Gates: `true`, `false`, or `null` while an input is missing. */
function gateState(g: GateResult): 'passed' | 'failed' | 'undetermined' {
  if (g.passed === null) return 'undetermined';
  return g.passed ? 'passed' : 'failed';
}

export async function inBrowser(wasmUrl: URL): Promise<Decision> {
  await init({ module_or_path: wasmUrl });
  await web.default();
  const engine = Engine.withDefaultPack();
  const families: string[] = Engine.packIds();
  void families;
  // Drafts of every kind, typed by kind.
  const inspecting = engine.draft('inspection', options);
  const score: number | null = inspecting.answer().score;
  void score;
  const screening = engine.draft('screening', options, { declaredOn: '2020-02-01' });
  const until: string | null = screening.answer().until;
  void until;
  // A filing built in code, in an unannotated variable: still a filing's draft (embedder audit,
  // twenty-seventh session: typed as the union of the four answers).
  const built = { enterprise: { name: '某某公司' }, staff: { total: 12 } };
  const builtDraft = engine.draft('filing', options, built);
  const builtGates: FilingAnswer['gates'] = builtDraft.answer().gates;
  // The value as typed so far: a count may be text or null (client audit, thirty-ninth
  // session: typed as the strict Filing, it read `'１２'` as a number).
  const builtValue: Given<Filing> = builtDraft.value();
  const typedTotal: number | string | null | undefined = builtDraft.value().staff?.total;
  // @ts-expect-error a draft's count may be text: Number() it first
  const strictTotal: number | undefined = builtDraft.value().staff?.total;
  void builtGates;
  void builtValue;
  void typedTotal;
  void strictTotal;
  // A kind known only at run time: the union of the answers, the submission as JSON.
  const someKind = (Math.random() < 0.5 ? 'filing' : 'screening') as Kind;
  const anyDraft = engine.draft(someKind, options, null);
  const anyDecision: Decision = anyDraft.answer().decision;
  const anyValue: JsonValue = anyDraft.value();
  void anyDecision;
  void anyValue;
  const answer: FilingAnswer = engine.checkFiling(filing, options);
  const errors: Diagnostic[] = answer.diagnostics.filter((d) => d.severity === 'error');
  const first: string | undefined = errors[0]?.help;
  const missing: Diagnostic[] = answer.diagnostics.filter((d) => d.missing);
  const gatesFailed: string[] = answer.gates.filter((g) => g.passed === false).flatMap((g) => g.causes.map((c) => `${g.id}:${c.ruleId}${c.path}`));
  const undetermined: GateId[] = answer.gates.filter((g) => gateState(g) === 'undetermined').map((g) => g.id);
  const starts: string[] = answer.earliestStart.map((e) => `${e.index} ${e.path} ${e.earliestStart}`);
  const batch: FilingAnswer[] = engine.checkFilings([filing, '{"filedOn":"2020-02-03"}'], { now: '2020-02-04' });
  // Readonly arrays, as `Options.scope` takes them (client audit, thirty-fifth session).
  const frozen: readonly Filing[] = [filing];
  const reached: readonly string[] = ['/enterprise'];
  engine.checkFilings(frozen, { now: '2020-02-04' });
  engine.checker({ now: '2020-02-04' }).checkFilings(frozen);
  engine.draft('filing', { now: '2020-02-04' }).setScope(reached);
  const stamp: PackStamp = engine.packInfo();
  const inForce: PackStamp = engine.packInfo({ on: '2020-02-10' });
  console.log(first, missing.length, gatesFailed, undetermined, starts, batch.length, stamp.hash, inForce.version, engine.version, version());

  // As the person types: only what they have reached, the rest counted in `pending`.
  const form = engine.describe('filing', { locale: 'en' });
  const fields = new Map(form.fields.map((f) => [f.id, f] as const));
  const maxLength: number | undefined = fields.get('enterprise.name')?.maxLength;
  const typing = engine.checkFiling({ enterprise: { name: '深' } }, { now: '2020-02-04', scope: ['/enterprise/name'], locale: navigator.language });
  const used: AnswerLocale = typing.locale;
  const lines: string[] = typing.diagnostics.map((d) => summaryLine(d, fields));
  console.log(form.title, form.gates.map((g) => `${g.id} ${g.title} ${g.fields.join(',')}`), maxLength, used, typing.pending, lines, decisionLabel(typing.decision));

  // The inspector's checklist, from the pack.
  const inspection: InspectionDescription = engine.describe('inspection', { locale: 'zh-TW', on: '2020-02-10' });
  const vetoes: RuleId[] = inspection.sections.flatMap((s) => s.items.filter((i) => i.veto).map((i) => i.id));
  const weights: number = inspection.sections.reduce((sum, s) => sum + s.items.reduce((w, i) => w + i.weight, 0), 0);
  const results: string[] = inspection.results.map((r) => `${r.value}=${r.label}`);
  const counts: string[] = engine.describe('indicators').indicators.map((i) => `${i.numerator.count}/${i.denominator.count}`);
  const questions: string[] = engine.describe('screening').questions.map((q) => q.pointer);
  const schema: JsonSchema = engine.inputSchema('filing', { locale: 'zh-CN' });
  console.log(vetoes, weights, results, counts, questions, schema['$schema']);

  const report = engine.evaluateIndicators({ date: '2020-02-04', units: [] }, { now: '2020-02-04', locale: 'fr-FR' });
  console.log(indicatorsLabel(report));
  engine.free();
  return answer.decision;
}

export function onServer(text: string, browserHash: string): Decision | 'mismatch' {
  let engine: Engine;
  try {
    // The pack compiler is the second module; the runtime loads what it compiled.
    const checked: PackLint = lint(text);
    if (!checked.ok) console.warn(checked.missingLabels.map((m) => `${m.locale} ${m.key}`));
    const bytes: Uint8Array = compilePack(text);
    engine = Engine.fromCompiled(bytes);
    new Compiler(text).free();
  } catch (e) {
    const err = e as FangkongError;
    console.error(err.code, err.path, err.errors?.map((x) => `${x.path} ${x.code} ${x.message}`));
    throw err;
  }
  const answer = engine.checkFiling(text, { now: '2020-02-04T10:00:00+08:00' });
  return answer.pack.hash === browserHash ? answer.decision : 'mismatch';
}

// What must not type-check:
// @ts-expect-error `now` is required
Engine.withDefaultPack().checkFiling(filing, { locale: 'en' });
// @ts-expect-error unknown option keys are refused (`only` is not an option; `scope` is)
Engine.withDefaultPack().checkFiling(filing, { now: '2020-02-04', only: ['/enterprise'] });
// @ts-expect-error counts are numbers
const wrong: Filing = { staff: { total: 'twelve' } };
// @ts-expect-error unknown fields are refused by the type
const typo: Filing = { staffs: {} };
// @ts-expect-error decision is a union of four words, not any string
const d: 'approved' | 'deferred' = Engine.withDefaultPack().checkFiling(filing, options).decision;
// @ts-expect-error `met` is an indicator's status, not a report's decision
const never: IndicatorsAnswer['decision'] = 'met';
// @ts-expect-error severity is typed
const s: number = Engine.withDefaultPack().checkFiling(filing, options).diagnostics[0]!.severity;
// @ts-expect-error a gate may be undetermined (`null`), not just passed or failed
const passed: boolean = Engine.withDefaultPack().checkFiling(filing, options).gates[0]!.passed;
// @ts-expect-error only the inspection has sections
const sections = Engine.withDefaultPack().describe('filing').sections;
// @ts-expect-error describe knows the four kinds only
Engine.withDefaultPack().describe('filings');
console.log(wrong, typo, d, never, s, passed, sections);

// The entry points take what a form gives (`Given`): `null` for a value not given (asked for, never
// read as 0), a count as its text, and `null` for the whole submission.
import type { Given } from 'fangkong';
const raw = Engine.withDefaultPack().checkFiling({ staff: { total: '12', keyArea: null }, supplies: { masks: null }, roster: [{ name: null }] }, options);
const nothing = Engine.withDefaultPack().checkFiling(null, options);
const fromForm: Given<Filing> = { measures: { canteen: null } };
Engine.withDefaultPack().checkFilings([fromForm, null, '{}'], options);
// @ts-expect-error a count is a number or its text, never a boolean
Engine.withDefaultPack().checkFiling({ staff: { total: true } }, options);
// @ts-expect-error unknown fields are refused in a literal, given or not
Engine.withDefaultPack().checkFiling({ staffs: {} }, options);
const units = Engine.withDefaultPack().evaluateIndicators({ date: '2020-02-12', units: [{ id: 'g', counts: { compounds: 12, compoundsEnclosed: null } }] }, options).units;
// @ts-expect-error an indicator's numerator is `null` where no unit gave it (never 0)
const n: number = units[0]!.indicators[0]!.numerator;
const known: number | null = units[0]!.indicators[0]!.denominator;
console.log(raw, nothing, n, known);

// bindForm's submission holds a number field as the text typed (`FormValue`): a number or its
// text, never typed as a plain number; describe gives requiredWhen and the version's parameters.
import type { FormBinding, FormValue } from 'fangkong/form';
declare const binding: FormBinding<'filing'>;
const typed: FormValue<Filing> = binding.value();
const total: number | string | undefined = typed.staff?.total;
// @ts-expect-error a form's number field may be text: Number() it first
const plain: number | undefined = binding.value().staff?.total;
const filingForm = Engine.withDefaultPack().describe('filing');
const lead: number | boolean | string | string[] | undefined = filingForm.parameters['leadDays'];
const when: string[] | undefined = filingForm.fields.find((f) => f.requiredWhen)?.requiredWhen?.[0]?.fields;
console.log(total, plain, lead, when);
