/**
 * Property test: random graphs of signals, memos and render effects, with conditional reads,
 * random writes, batches, untracked reads and disposals, checked after every step against a
 * reference model that simply recomputes everything from the signals' current values.
 *
 * Checked after each step:
 * - every memo read and every live effect's latest observation equals the reference (no stale
 *   or mixed values: glitch-freedom);
 * - no memo or effect ran more than once in the step (minimal work per write / batch);
 * - an effect that ran saw inputs different from its previous run's (it ran only because a
 *   source really changed: equality cut-off; a value written and written back in one batch is
 *   no change);
 * - a memo that ran had a source (among what it read last time) whose value changed, net, in
 *   some step since its last run. (A memo nobody observes may see a source change and change
 *   back while it is not read; it recomputes once when read again, which is correct.)
 * - a disposed effect never runs again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batch, memo, renderEffect, root, signal, untrack, type Accessor, type Setter } from '../src/index.js';

/** A node's function: reads `cond` first; if its value is even reads `then`, else `otherwise`. */
interface Formula {
  cond: number;
  then: number[];
  otherwise: number[];
  mod: number;
}

interface Spec {
  signals: number[];
  memos: Formula[];
  effects: Formula[];
  steps: Step[];
}

type Step =
  | { kind: 'write'; writes: [number, number][] }
  | { kind: 'batch'; writes: [number, number][] }
  | { kind: 'read'; memo: number }
  | { kind: 'dispose'; effect: number };

/** Node indices: signals first, then memos. A formula may read any node before it. */
function formula(available: number): fc.Arbitrary<Formula> {
  const index = fc.nat({ max: available - 1 });
  return fc.record({
    cond: index,
    then: fc.array(index, { minLength: 0, maxLength: 3 }),
    otherwise: fc.array(index, { minLength: 0, maxLength: 3 }),
    mod: fc.integer({ min: 2, max: 7 }),
  });
}

const specArbitrary: fc.Arbitrary<Spec> = fc
  .record({
    signalCount: fc.integer({ min: 1, max: 6 }),
    memoCount: fc.integer({ min: 0, max: 12 }),
    effectCount: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ signalCount, memoCount, effectCount }) => {
    const memos = fc.tuple(...Array.from({ length: memoCount }, (_, i) => formula(signalCount + i)));
    const total = signalCount + memoCount;
    const write = fc.tuple(fc.nat({ max: signalCount - 1 }), fc.integer({ min: 0, max: 9 }));
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 5, arbitrary: write.map((w) => ({ kind: 'write' as const, writes: [w] })) },
      {
        weight: 3,
        arbitrary: fc.array(write, { minLength: 1, maxLength: 4 }).map((writes) => ({ kind: 'batch' as const, writes })),
      },
      {
        weight: memoCount > 0 ? 2 : 0,
        arbitrary: fc.nat({ max: Math.max(0, memoCount - 1) }).map((memo) => ({ kind: 'read' as const, memo })),
      },
      { weight: 1, arbitrary: fc.nat({ max: effectCount - 1 }).map((effect) => ({ kind: 'dispose' as const, effect })) },
    );
    return fc.record({
      signals: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: signalCount, maxLength: signalCount }),
      memos: memos as fc.Arbitrary<Formula[]>,
      effects: fc.array(formula(total), { minLength: effectCount, maxLength: effectCount }),
      steps: fc.array(step, { minLength: 1, maxLength: 25 }),
    });
  });

/** Evaluates a formula with `read`, returning the value and the inputs it observed. */
function evaluate(f: Formula, read: (i: number) => number): { value: number; inputs: number[] } {
  const c = read(f.cond);
  const inputs = [c];
  let sum = c;
  for (const i of c % 2 === 0 ? f.then : f.otherwise) {
    const v = read(i);
    inputs.push(v);
    sum += v;
  }
  return { value: sum % f.mod, inputs };
}

function run(spec: Spec): void {
  const signalValues = [...spec.signals];
  // Reference model: recompute from scratch.
  const refValue = (i: number): number =>
    i < signalValues.length ? signalValues[i]! : evaluate(spec.memos[i - signalValues.length]!, refValue).value;

  const getters: Accessor<number>[] = [];
  const setters: Setter<number>[] = [];
  const memoRuns = spec.memos.map(() => 0);
  const memoLast: ({ step: number; reads: number[] } | undefined)[] = spec.memos.map(() => undefined);
  /** For each node, the steps at whose end its (reference) value differed from the step before. */
  const total = spec.signals.length + spec.memos.length;
  const changedAt: number[][] = Array.from({ length: total }, () => []);
  let currentStep = -1;
  let snapshot = Array.from({ length: total }, (_, i) => refValue(i));
  const endStep = (): void => {
    const next = Array.from({ length: total }, (_, i) => refValue(i));
    next.forEach((v, i) => v !== snapshot[i] && changedAt[i]!.push(currentStep));
    snapshot = next;
  };
  const effectRuns = spec.effects.map(() => 0);
  const effectSeen: { value: number; inputs: number[] }[] = [];
  const disposed = spec.effects.map(() => false);
  const disposers: (() => void)[] = [];
  const problems: string[] = [];

  for (const v of spec.signals) {
    const [get, set] = signal(v);
    getters.push(get);
    setters.push(set);
  }
  spec.memos.forEach((f, m) => {
    getters.push(
      memo(() => {
        memoRuns[m]!++;
        const last = memoLast[m];
        if (last !== undefined) {
          const justified = last.reads.some((node) => changedAt[node]!.some((step) => step > last.step));
          if (!justified) problems.push(`memo ${m} recomputed though nothing it read changed since step ${last.step}`);
        }
        const reads: number[] = [];
        const result = evaluate(f, (i) => (reads.push(i), getters[i]!()));
        memoLast[m] = { step: currentStep, reads };
        return result.value;
      }),
    );
  });

  const stop = root((dispose) => {
    spec.effects.forEach((f, e) => {
      disposers.push(
        renderEffect(() => {
          effectRuns[e]!++;
          if (disposed[e]) problems.push(`disposed effect ${e} ran`);
          const result = evaluate(f, (i) => getters[i]!());
          const prev = effectSeen[e];
          if (prev !== undefined && sameInputs(prev.inputs, result.inputs)) {
            problems.push(`effect ${e} re-ran with unchanged inputs ${result.inputs}`);
          }
          effectSeen[e] = result;
        }),
      );
    });
    return dispose;
  });

  const check = (label: string): void => {
    spec.effects.forEach((f, e) => {
      if (disposed[e]) return;
      const expected = evaluate(f, refValue);
      expect(effectSeen[e], `${label}: effect ${e}`).toEqual(expected);
    });
    expect(problems, label).toEqual([]);
  };
  check('after creation');

  spec.steps.forEach((step, n) => {
    const memoBefore = [...memoRuns];
    const effectBefore = [...effectRuns];
    const label = `step ${n} ${JSON.stringify(step)}`;
    currentStep = n;
    // Model first, so that a memo recomputing during this step can be judged against it.
    if (step.kind === 'write' || step.kind === 'batch') for (const [i, v] of step.writes) signalValues[i] = v;
    endStep();
    switch (step.kind) {
      case 'write':
        for (const [i, v] of step.writes) setters[i]!(v);
        break;
      case 'batch':
        batch(() => {
          for (const [i, v] of step.writes) setters[i]!(v);
        });
        break;
      case 'read': {
        const value = untrack(getters[spec.signals.length + step.memo]!);
        expect(value, `${label}: memo value`).toBe(refValue(spec.signals.length + step.memo));
        break;
      }
      case 'dispose':
        disposers[step.effect]!();
        disposed[step.effect] = true;
        break;
    }
    memoRuns.forEach((r, m) => expect(r - memoBefore[m]!, `${label}: memo ${m} runs`).toBeLessThanOrEqual(1));
    effectRuns.forEach((r, e) => expect(r - effectBefore[e]!, `${label}: effect ${e} runs`).toBeLessThanOrEqual(1));
    check(label);
  });

  // Every memo, read now, agrees with the model.
  spec.memos.forEach((_, m) => expect(getters[spec.signals.length + m]!()).toBe(refValue(spec.signals.length + m)));
  stop();
}

function sameInputs(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

describe('reactive graph against a recompute-everything model', () => {
  it('agrees on every value, runs nothing twice per step, and runs only on real change', () => {
    fc.assert(fc.property(specArbitrary, run), { numRuns: 1500 });
  });
});
