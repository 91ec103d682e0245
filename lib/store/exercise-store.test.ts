import { afterEach, describe, expect, it, vi } from 'vitest';
import { attemptsKey } from '@/lib/sandbox/exercise-attempts';
import { codeLabExercise } from '@/lib/sandbox/code-lab-exercise';
import { codeLabScratchpads } from '@/lib/sandbox/code-lab-scratchpad';
import { DEFAULT_OUTPUT_LIMITS, type LearnerError, type RunOutcome } from '@/lib/sandbox/protocol';
import { CRASHED_MESSAGE, RunCollector, type RunReport } from '@/lib/sandbox/run-collector';
import { runInNode } from '@/lib/sandbox/run-in-node';
import {
  canShowSolution,
  createExerciseStore,
  errorText,
  runStatusText,
  type CodeRunner,
  type CodeRunRequest,
  type ExerciseStoreOptions,
} from './exercise-store';
import { DAMAGED_DRAFT_MESSAGE, draftKey, type KeyValueStorage } from './exercise-store-persistence';

const exercise = codeLabExercise();
const DRAFT = draftKey(exercise.id);

/** localStorage's contract over a Map. */
function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { readonly map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** A run the test drives: it speaks the runner protocol through the host's real RunCollector. */
interface FakeRun {
  readonly request: CodeRunRequest;
  print(text: string): void;
  end(outcome: RunOutcome): void;
  /** Ends the run from the host's side (time limit, crash), as the browser runner does. */
  fail(error: LearnerError): void;
  readonly stopped: boolean;
}

/** A runner whose runs end when the test says; Stop ends a run as the browser runner does. */
function fakeRunner(): { runner: CodeRunner; runs: FakeRun[] } {
  const runs: FakeRun[] = [];
  const runner: CodeRunner = (request) => {
    const runId = 'ab'.repeat(16);
    const collector = new RunCollector(runId, DEFAULT_OUTPUT_LIMITS);
    let resolve!: (report: RunReport) => void;
    const done = new Promise<RunReport>((r) => (resolve = r));
    let stopped = false;
    const finish = (report: RunReport | undefined) => report && resolve(report);
    runs.push({
      request,
      print: (text) => {
        collector.accept({ type: 'console', runId, level: 'log', text });
        request.onOutput?.(collector.output, collector.truncated);
      },
      end: (outcome) => {
        collector.accept({ type: 'done', runId, outcome });
        finish(collector.report);
      },
      fail: (error) => finish(collector.end(error)),
      get stopped() {
        return stopped;
      },
    });
    return {
      done,
      stop: () => {
        stopped = true;
        finish(collector.end({ kind: 'stopped', message: 'Stopped: you pressed Stop.' }));
      },
    };
  };
  return { runner, runs };
}

/** What the Code lab's reference solution returns. */
const SOLVED: RunOutcome = {
  status: 'ok',
  durationMs: 5,
  result: {
    sharedSecret: exercise.setup.expected.sharedSecret,
    key: exercise.setup.expected.key,
    plaintext: exercise.setup.expected.plaintext,
  },
};
/** What the starter returns: it runs, and its values are wrong. */
const STARTER_RESULT: RunOutcome = {
  status: 'ok',
  durationMs: 5,
  result: { sharedSecret: new Uint8Array(32), key: new Uint8Array(32), plaintext: '' },
};

function makeStore(overrides: Partial<ExerciseStoreOptions> = {}) {
  const storage = memoryStorage();
  const fake = fakeRunner();
  const onPass = vi.fn();
  const store = createExerciseStore({ exercise, runner: fake.runner, storage, onPass, ...overrides });
  store.getState().load();
  return { store, storage, onPass, ...fake };
}

/** Starts a run and returns its fake run and the promise of its end. */
function start(store: ReturnType<typeof makeStore>['store'], runs: FakeRun[]) {
  const ended = store.getState().run();
  const run = runs.at(-1)!;
  return { run, ended };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('exercise store: the draft', () => {
  it('starts from the starter and survives a new store (a reload) once the typing stops', () => {
    vi.useFakeTimers();
    const { store, storage } = makeStore();
    expect(store.getState().code).toBe(exercise.starter);
    store.getState().setCode('export const sharedSecret = 1;');
    expect(store.getState().code).toBe('export const sharedSecret = 1;');
    vi.advanceTimersByTime(299);
    expect(storage.map.has(DRAFT)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(storage.map.get(DRAFT)).toBe('export const sharedSecret = 1;');

    const reloaded = createExerciseStore({ exercise, runner: fakeRunner().runner, storage });
    expect(reloaded.getState().code).toBe(exercise.starter); // nothing read before load(): server and client renders agree
    reloaded.getState().load();
    expect(reloaded.getState().code).toBe('export const sharedSecret = 1;');
    expect(reloaded.getState().draftNotice).toBeNull();
  });

  it('saves a pending draft when the exercise leaves the page, and stores nothing for the starter', () => {
    const { store, storage } = makeStore();
    store.getState().setCode('console.log(1);');
    store.getState().dispose();
    expect(storage.map.get(DRAFT)).toBe('console.log(1);');
    store.getState().setCode(exercise.starter);
    store.getState().dispose();
    expect(storage.map.has(DRAFT)).toBe(false);
  });

  it('a damaged stored draft gives the starter and a message, keeps the attempts, and stays stored until the learner edits', () => {
    vi.useFakeTimers();
    const damaged = 'export const key = "\uD800';
    const storage = memoryStorage({
      [DRAFT]: damaged,
      [attemptsKey(exercise.id)]: '{"failedAttempts":1,"hintsShown":2}',
    });
    const store = createExerciseStore({ exercise, runner: fakeRunner().runner, storage });
    store.getState().load();
    expect(store.getState().code).toBe(exercise.starter);
    expect(store.getState().draftNotice).toBe(DAMAGED_DRAFT_MESSAGE);
    expect(store.getState().attempts).toEqual({ failedAttempts: 1, hintsShown: 2 });
    expect(storage.map.get(DRAFT)).toBe(damaged);
    store.getState().setCode('export const key = 1;');
    expect(store.getState().draftNotice).toBeNull();
    vi.advanceTimersByTime(300);
    expect(storage.map.get(DRAFT)).toBe('export const key = 1;');
  });

  it('accepts any code a learner can type, emoji included', () => {
    const storage = memoryStorage({ [DRAFT]: "console.log('🔑 ok');\n\tconst é = 1;" });
    const store = createExerciseStore({ exercise, runner: fakeRunner().runner, storage });
    store.getState().load();
    expect(store.getState().code).toBe("console.log('🔑 ok');\n\tconst é = 1;");
    expect(store.getState().draftNotice).toBeNull();
  });

  it('corrupt attempts are a fresh start; a storage that throws keeps everything in this tab', async () => {
    const corrupt = createExerciseStore({
      exercise,
      runner: fakeRunner().runner,
      storage: memoryStorage({ [attemptsKey(exercise.id)]: 'not json' }),
    });
    corrupt.getState().load();
    expect(corrupt.getState().attempts).toEqual({ failedAttempts: 0, hintsShown: 0 });

    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const { store, runs } = makeStore({ storage: broken });
    expect(store.getState().code).toBe(exercise.starter);
    store.getState().setCode('x');
    store.getState().dispose();
    store.getState().showHint();
    const { run, ended } = start(store, runs);
    run.end(STARTER_RESULT);
    await ended;
    expect(store.getState().attempts).toEqual({ failedAttempts: 1, hintsShown: 1 });
  });

  it('Reset puts the starter back and forgets the draft, a pending one included', () => {
    vi.useFakeTimers();
    const { store, storage } = makeStore();
    store.getState().setCode('a');
    vi.advanceTimersByTime(300);
    store.getState().setCode('b');
    store.getState().resetToStarter();
    vi.advanceTimersByTime(1000);
    expect(store.getState().code).toBe(exercise.starter);
    expect(storage.map.has(DRAFT)).toBe(false);
  });
});

describe('exercise store: runs', () => {
  it('a passing run marks the exercise passed and reports it to progress, once per passing run', async () => {
    const { store, runs, onPass } = makeStore();
    const { run, ended } = start(store, runs);
    expect(store.getState().phase).toBe('running');
    expect(runStatusText(store.getState())).toBe('Running…');
    expect(run.request).toMatchObject({
      source: exercise.starter,
      context: exercise.setup.context,
      timeLimitMs: exercise.timeLimitMs,
    });
    run.print('Bob wrote: hi');
    expect(store.getState().output.lines).toEqual([{ level: 'log', text: 'Bob wrote: hi' }]);
    run.end(SOLVED);
    expect(await ended).toBe(true);
    const state = store.getState();
    expect(state.phase).toBe('passed');
    expect(state.checks?.every((c) => c.pass)).toBe(true);
    expect(runStatusText(state)).toMatch(/^Finished in \d+ ms: all checks pass\.$/);
    expect(onPass).toHaveBeenCalledTimes(1);
    expect(onPass).toHaveBeenCalledWith('code-lab');
    expect(state.attempts.failedAttempts).toBe(0);
  });

  it('a failing run records an attempt (stored); the solution is offered after two; compile errors and Stop are not attempts', async () => {
    const { store, runs, storage, onPass } = makeStore();
    const runWith = async (ending: (run: FakeRun) => void) => {
      const { run, ended } = start(store, runs);
      ending(run);
      await ended;
    };
    await runWith((run) => run.end(STARTER_RESULT));
    expect(store.getState().phase).toBe('failed');
    expect(runStatusText(store.getState())).toMatch(/^Finished in \d+ ms\.$/);
    expect(store.getState().checks?.find((c) => c.id === 'shared-secret')).toMatchObject({ pass: false });
    expect(store.getState().attempts.failedAttempts).toBe(1);
    expect(canShowSolution(store.getState())).toBe(false);

    await runWith((run) =>
      run.end({
        status: 'error',
        durationMs: 0,
        error: { kind: 'compile', message: 'Syntax error: Unexpected token', line: 1 },
      }),
    );
    expect(errorText(store.getState().error!)).toBe('Line 1: Syntax error: Unexpected token');
    await runWith(() => store.getState().stop());
    expect(store.getState().attempts.failedAttempts).toBe(1);

    await runWith((run) =>
      run.end({
        status: 'error',
        durationMs: 1,
        error: { kind: 'runtime', message: 'TypeError: x is not a function', line: 4 },
      }),
    );
    expect(store.getState().phase).toBe('failed');
    expect(errorText(store.getState().error!)).toBe('Line 4: TypeError: x is not a function');
    expect(store.getState().attempts.failedAttempts).toBe(2);
    expect(canShowSolution(store.getState())).toBe(true);
    expect(JSON.parse(storage.map.get(attemptsKey(exercise.id))!)).toEqual({ failedAttempts: 2, hintsShown: 0 });
    expect(onPass).not.toHaveBeenCalled();

    // Counted across reloads, with the hints opened so far (never more than the exercise has).
    for (let i = 0; i < 5; i++) store.getState().showHint();
    const reloaded = createExerciseStore({ exercise, runner: fakeRunner().runner, storage });
    reloaded.getState().load();
    expect(reloaded.getState().attempts).toEqual({ failedAttempts: 2, hintsShown: exercise.hints.length });
    expect(canShowSolution(reloaded.getState())).toBe(true);
    expect(reloaded.getState().solutionShown).toBe(false);
    reloaded.getState().showSolution();
    expect(reloaded.getState().solutionShown).toBe(true);
  });

  it('Stop ends a run at once: stopped, with the message, and the next run starts', async () => {
    const { store, runs } = makeStore();
    const { run, ended } = start(store, runs);
    run.print('working');
    store.getState().stop();
    await ended;
    expect(run.stopped).toBe(true);
    const state = store.getState();
    expect(state.phase).toBe('stopped');
    expect(state.error).toEqual({ kind: 'stopped', message: 'Stopped: you pressed Stop.' });
    expect(runStatusText(state)).toMatch(/^Stopped after /);
    expect(state.output.lines).toEqual([{ level: 'log', text: 'working' }]);
    const next = start(store, runs);
    expect(runs).toHaveLength(2);
    next.run.end(SOLVED);
    await next.ended;
    expect(store.getState().phase).toBe('passed');
  });

  it('the time limit is a failed attempt, said as such', async () => {
    const { store, runs } = makeStore();
    const { run, ended } = start(store, runs);
    run.fail({ kind: 'timeout', message: 'Stopped after 3.0 s, the time limit for this exercise.' });
    await ended;
    expect(store.getState().phase).toBe('failed');
    expect(runStatusText(store.getState())).toMatch(/^Stopped at the time limit after /);
    expect(store.getState().attempts.failedAttempts).toBe(1);
  });

  it('a crash becomes the crashed state with a clear message, and the next run works', async () => {
    const { store, runs, onPass } = makeStore();
    const first = start(store, runs);
    first.run.fail({ kind: 'crashed', message: CRASHED_MESSAGE });
    await first.ended;
    expect(store.getState().phase).toBe('crashed');
    expect(errorText(store.getState().error!)).toBe(CRASHED_MESSAGE);
    expect(runStatusText(store.getState())).toMatch(/^Failed after /);
    const second = start(store, runs);
    expect(store.getState()).toMatchObject({ phase: 'running', error: null, report: null, checks: null });
    second.run.end(SOLVED);
    await second.ended;
    expect(store.getState().phase).toBe('passed');
    expect(onPass).toHaveBeenCalledTimes(1);
  });

  it('a runner that breaks its contract (throws, or its promise rejects) ends the run with a message, and the next run works', async () => {
    let calls = 0;
    const flaky: CodeRunner = () => {
      calls += 1;
      if (calls === 1) throw new Error('no frame');
      if (calls === 2) return { done: Promise.reject(new Error('lost')), stop: () => undefined };
      return {
        done: Promise.resolve({ outcome: SOLVED, output: [], truncated: false, wallMs: 3 }),
        stop: () => undefined,
      };
    };
    const { store } = makeStore({ runner: flaky });
    expect(await store.getState().run()).toBe(true);
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      error: {
        kind: 'internal',
        message: 'The code runner failed (no frame), so your code did not finish. Run it again.',
      },
    });
    await store.getState().run();
    expect(store.getState().error?.message).toContain('(lost)');
    expect(store.getState().attempts.failedAttempts).toBe(0);
    await store.getState().run();
    expect(store.getState().phase).toBe('passed');
  });

  it('a second Run while one is running is refused (the first goes on)', async () => {
    const { store, runs } = makeStore();
    const first = start(store, runs);
    store.getState().setCode('export const changed = true;');
    expect(await store.getState().run()).toBe(false);
    expect(runs).toHaveLength(1);
    expect(store.getState().phase).toBe('running');
    first.run.end(SOLVED);
    expect(await first.ended).toBe(true);
    expect(store.getState().phase).toBe('passed');
    store.getState().dispose();
  });

  it('leaving the page stops the run; it neither passes nor counts', async () => {
    const { store, runs, onPass } = makeStore();
    const { run, ended } = start(store, runs);
    store.getState().dispose();
    await ended;
    expect(run.stopped).toBe(true);
    expect(store.getState().phase).toBe('stopped');
    expect(onPass).not.toHaveBeenCalled();
    expect(store.getState().attempts.failedAttempts).toBe(0);
  });
});

describe('exercise store with the Node runner (the same core as the browser sandbox)', () => {
  const nodeRunner: CodeRunner = ({ source, context, timeLimitMs }) => ({
    done: runInNode(source, context, { timeLimitMs: timeLimitMs ?? 5000 }),
    stop: () => undefined,
  });

  it('the real starter fails a check and counts as an attempt; the real solution passes and reports the pass', async () => {
    const { store, onPass } = makeStore({ runner: nodeRunner });
    await store.getState().run();
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().report?.outcome.status).toBe('ok');
    expect(store.getState().output.lines).toEqual([{ level: 'log', text: 'Bob sent 67 bytes of ciphertext' }]);
    expect(store.getState().attempts.failedAttempts).toBe(1);

    store.getState().setCode(exercise.solution);
    await store.getState().run();
    expect(store.getState().phase).toBe('passed');
    expect(store.getState().output.lines).toEqual([
      { level: 'log', text: 'Bob wrote: Meet me at the library at noon. Bring the notebook.' },
    ]);
    expect(onPass).toHaveBeenCalledWith('code-lab');
    store.getState().dispose();
  });

  it("maps a runtime error to the learner's line", async () => {
    const { store } = makeStore({ runner: nodeRunner });
    store.getState().setCode('const a = 1;\n\nexport const b = (lesson as any).missing.deeper;');
    await store.getState().run();
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().error).toMatchObject({ kind: 'runtime', line: 3 });
    expect(errorText(store.getState().error!)).toMatch(/^Line 3: TypeError: Cannot read properties of undefined/);
    store.getState().dispose();
  });
});

describe('exercise store: the checker', () => {
  it('an exercise without checks (a code lab scratchpad) is only run: no checker, no verdict, no attempt, no solution', async () => {
    const checker = vi.fn();
    const { store, runs, onPass } = makeStore({ exercise: codeLabScratchpads()[0]!, checker });
    for (let i = 0; i < 3; i++) {
      const { run, ended } = start(store, runs);
      run.end(STARTER_RESULT);
      await ended;
    }
    expect(checker).not.toHaveBeenCalled();
    expect(store.getState().checks).toEqual([]);
    expect(runStatusText(store.getState())).toMatch(/^Finished in \d+ ms\.$/);
    expect(store.getState().attempts.failedAttempts).toBe(0);
    expect(canShowSolution(store.getState())).toBe(false);
    expect(onPass).not.toHaveBeenCalled();
  });

  it('judges the run with the injected checker (the page: a worker) and keeps the run going until it answers', async () => {
    let answer!: (results: { id: string; description: string; pass: boolean; message: string }[]) => void;
    const checker = vi.fn(
      () =>
        new Promise<{ id: string; description: string; pass: boolean; message: string }[]>(
          (resolve) => (answer = resolve),
        ),
    );
    const { store, runs, onPass } = makeStore({ checker });
    const { run, ended } = start(store, runs);
    run.end(STARTER_RESULT);
    await vi.waitFor(() => expect(checker).toHaveBeenCalledTimes(1));
    expect(checker).toHaveBeenCalledWith(exercise.checks, STARTER_RESULT, exercise.setup.expected);
    expect(store.getState().phase).toBe('running');
    expect(await store.getState().run(), 'a second Run while the checks run').toBe(false);
    answer(exercise.checks.map((c) => ({ id: c.id, description: c.description, pass: true, message: 'ok' })));
    expect(await ended).toBe(true);
    expect(store.getState().phase).toBe('passed');
    expect(onPass).toHaveBeenCalledWith(exercise.id);
  });

  it('fails every check when the checker itself fails', async () => {
    const { store, runs } = makeStore({ checker: () => Promise.reject(new Error('worker gone')) });
    const { run, ended } = start(store, runs);
    run.end(STARTER_RESULT);
    await ended;
    expect(store.getState().phase).toBe('failed');
    expect(
      store.getState().checks?.every((c) => !c.pass && c.message === 'Not checked: the checker failed (worker gone).'),
    ).toBe(true);
  });
});
