/**
 * The console that learner code gets: each call becomes one line sent to the host, until the run's
 * output limits are reached; then one "output truncated" notice and silence. A flood therefore
 * costs the page at most `maxLines` small messages, whatever the loop does.
 * @module
 */
import { formatConsoleArgs } from './format-value';
import { MAX_LINE_CHARS, type ConsoleLevel, type OutputLimits } from './protocol';

/** The console object learner code sees (as `console` and as `globalThis.console` in the runner). */
export interface LearnerConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  dir(...args: unknown[]): void;
  table(...args: unknown[]): void;
  trace(...args: unknown[]): void;
}

/** Where captured lines go. */
export interface OutputSink {
  line(level: ConsoleLevel, text: string): void;
  truncated(): void;
}

/** Creates a bounded, frozen console that writes to `sink`. */
export function createLearnerConsole(limits: OutputLimits, sink: OutputSink): LearnerConsole {
  let lines = 0;
  let chars = 0;
  let cut = false;
  const emit = (level: ConsoleLevel, args: unknown[]) => {
    if (cut) return;
    let text = formatConsoleArgs(args);
    if (text.length > MAX_LINE_CHARS)
      text = `${text.slice(0, MAX_LINE_CHARS)}… (line cut at ${MAX_LINE_CHARS} characters)`;
    if (lines + 1 > limits.maxLines || chars + text.length > limits.maxChars) {
      cut = true;
      sink.truncated();
      return;
    }
    lines += 1;
    chars += text.length;
    sink.line(level, text);
  };
  return Object.freeze({
    log: (...args: unknown[]) => emit('log', args),
    info: (...args: unknown[]) => emit('info', args),
    warn: (...args: unknown[]) => emit('warn', args),
    error: (...args: unknown[]) => emit('error', args),
    debug: (...args: unknown[]) => emit('log', args),
    dir: (...args: unknown[]) => emit('log', args),
    table: (...args: unknown[]) => emit('log', args),
    trace: (...args: unknown[]) => emit('log', args),
  });
}
