/**
 * The host side of one run, shared by the browser glue and the Node runner: it accepts messages that
 * claim to come from the runner (as `unknown`), keeps the bounded output, and ends with a
 * {@link RunReport}. A malformed message, or one for another run, ends the run as an internal error:
 * a runner that says something unexpected is not believed about anything else either.
 * @module
 */
import { capGraphemeClusters } from './display-text';
import type { ConsoleLevel, LearnerError, OutputLimits, RunOutcome } from './protocol';
import { parseRunnerMessage } from './protocol-schema';

/** One console line as shown in the output panel. */
export interface OutputLine {
  readonly level: ConsoleLevel;
  readonly text: string;
}

/** Everything the host knows about a finished run. */
export interface RunReport {
  readonly outcome: RunOutcome;
  readonly output: readonly OutputLine[];
  /** Whether output was cut at the limits. */
  readonly truncated: boolean;
  /** Host-measured time from sending the request to the end (includes starting the runner). */
  readonly wallMs: number;
}

/** Collects one run's messages. */
export class RunCollector {
  private readonly lines: OutputLine[] = [];
  private chars = 0;
  private cut = false;
  private finished: RunReport | undefined;
  private readonly startedAt: number;

  constructor(
    readonly runId: string,
    private readonly limits: OutputLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  /** The report, once the run has ended. */
  get report(): RunReport | undefined {
    return this.finished;
  }

  /** Output so far. */
  get output(): readonly OutputLine[] {
    return this.lines;
  }

  /** Whether output was cut. */
  get truncated(): boolean {
    return this.cut;
  }

  /**
   * Takes one message from the runner. Returns what happened: a new output line, the end of the run,
   * or nothing (ignored after the end). The host's own limits apply again here, so a runner that
   * ignores them cannot flood the page either.
   */
  accept(data: unknown): 'line' | 'truncated' | 'done' | 'ignored' {
    if (this.finished) return 'ignored';
    const message = parseRunnerMessage(data, this.runId);
    if (!message) {
      this.end({
        kind: 'internal',
        message: 'The sandbox sent a message that is not part of the protocol; the run was stopped.',
      });
      return 'done';
    }
    switch (message.type) {
      case 'console':
        if (this.cut) return 'ignored';
        if (this.lines.length + 1 > this.limits.maxLines || this.chars + message.text.length > this.limits.maxChars) {
          this.cut = true;
          return 'truncated';
        }
        // Bounded by what it costs to render too: one cluster of 5,000 combining marks is one line.
        this.lines.push({ level: message.level, text: capGraphemeClusters(message.text) });
        this.chars += message.text.length;
        return 'line';
      case 'output-truncated':
        this.cut = true;
        return 'truncated';
      case 'done': {
        const { outcome } = message;
        const shown: RunOutcome =
          outcome.status === 'error'
            ? { ...outcome, error: { ...outcome.error, message: capGraphemeClusters(outcome.error.message) } }
            : outcome;
        this.finished = {
          outcome: shown,
          output: [...this.lines],
          truncated: this.cut,
          wallMs: this.now() - this.startedAt,
        };
        return 'done';
      }
    }
  }

  /** Ends the run from the host's side (time limit, crash, stop, bad message). */
  end(error: LearnerError): RunReport {
    if (this.finished) return this.finished;
    const wallMs = this.now() - this.startedAt;
    this.finished = {
      outcome: { status: 'error', durationMs: wallMs, error },
      output: [...this.lines],
      truncated: this.cut,
      wallMs,
    };
    return this.finished;
  }
}

/** The message for a run stopped at its time limit. */
export function timeLimitMessage(timeLimitMs: number): string {
  return (
    `Stopped after ${(timeLimitMs / 1000).toFixed(1)} s, the time limit for this exercise. ` +
    'Is there a loop that never ends, or a promise that never settles?'
  );
}

/** The message for a runner that died (out of memory is the usual cause). */
export const CRASHED_MESSAGE =
  'The sandbox crashed, most likely because your code used too much memory (a loop that keeps ' +
  'growing an array or string?). The page is fine; fix the code and run again.';
