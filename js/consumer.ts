// A consumer of the package's types, checked by `tsc --noEmit` (make test-types): the types
// are real (not `any`), options are checked, answers are typed down to the diagnostics.
import init, { Engine, version } from 'fangkong';
import type { Decision, Diagnostic, FangkongError, Filing, FilingAnswer, Options, PackStamp } from 'fangkong';
import * as web from 'fangkong/web';

const filing: Filing = {
  filedOn: '2020-02-03',
  plannedResumption: '2020-02-10',
  enterprise: { name: '深圳市某某科技有限公司', creditCode: '91440300MA5FCX3X1Q', whitelisted: false },
  staff: { total: 12, returning: 10, keyArea: { returned: 1, isolationComplete: 1 } },
  roster: [{ name: '张三', arrivedOn: '2020-02-01', keyAreaHistory: true }],
  measures: { canteen: { present: true, staggered: true }, dormitory: { areaM2: 40 } },
};
const options: Options = { now: new Date('2020-02-04T02:00:00Z'), locale: 'zh-CN', packVersion: '2020-02-10' };

export async function inBrowser(wasmUrl: URL): Promise<Decision> {
  await init({ module_or_path: wasmUrl });
  await web.default();
  const engine = Engine.withDefaultPack();
  const answer: FilingAnswer = engine.checkFiling(filing, options);
  const errors: Diagnostic[] = answer.diagnostics.filter((d) => d.severity === 'error');
  const first: string | undefined = errors[0]?.help;
  const gatesFailed: string[] = answer.gates.filter((g) => !g.passed).flatMap((g) => g.causes.map((c) => `${g.id}:${c.ruleId}${c.path}`));
  const starts: string[] = answer.earliestStart.map((e) => `${e.index} ${e.path} ${e.earliestStart}`);
  const batch: FilingAnswer[] = engine.checkFilings([filing, '{"filedOn":"2020-02-03"}'], { now: '2020-02-04' });
  const stamp: PackStamp = engine.packInfo();
  console.log(first, gatesFailed, starts, batch.length, stamp.hash, engine.version, version());
  engine.free();
  return answer.decision;
}

export function onServer(text: string, browserHash: string): Decision | 'mismatch' {
  let engine: Engine;
  try {
    engine = new Engine(text);
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
// @ts-expect-error counts are numbers
const wrong: Filing = { staff: { total: 'twelve' } };
// @ts-expect-error unknown fields are refused by the type
const typo: Filing = { staffs: {} };
// @ts-expect-error decision is a union of four words, not any string
const d: 'approved' | 'deferred' = Engine.withDefaultPack().checkFiling(filing, options).decision;
// @ts-expect-error severity is typed
const s: number = Engine.withDefaultPack().checkFiling(filing, options).diagnostics[0].severity;
console.log(wrong, typo, d, s);
