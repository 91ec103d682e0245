/**
 * Browser glue: the page's side of the sandbox frame. The frame (public/sandbox/frame.html) is an
 * invisible `<iframe sandbox="allow-scripts">`: an opaque origin, so Chromium runs it in a renderer
 * process of its own, and the learner-code workers it starts live in that process. A dedicated worker
 * started by the page itself would share the tab's process, and a memory bomb that reaches V8's heap
 * limit would take the whole tab down with it; here it takes down only the frame.
 *
 * A crashed frame sends nothing, so the page pings it while runs are in flight and declares it lost
 * after several unanswered pings; its runs end with the "crashed" message and the next run gets a
 * new frame.
 * @module
 */
import { CONNECT_MESSAGE, parseFrameMessage, type PageToFrameMessage } from '../sandbox/frame-messages';
import type { RunRequest } from '../sandbox/protocol';

/** Where the frame document is served (with the sandbox CSP, next.config.js). */
const SANDBOX_FRAME_URL = '/sandbox/frame.html';

/** How often the page asks a frame with runs in flight whether it is alive. */
const PING_INTERVAL_MS = 250;
/**
 * The frame is lost when this many pings in a row go unanswered *and* it has been silent this long.
 * Counting pings (not only wall time) keeps a page that was itself busy for a while, with the frame's
 * answers still queued, from declaring a healthy frame dead.
 */
const UNANSWERED_PINGS_LIMIT = 6;
const SILENCE_LIMIT_MS = 1500;
/** A frame that has not said `ready` by then did not start (its script failed to load). */
const START_LIMIT_MS = 15_000;

/** Why a frame stopped serving its runs. */
export type FrameLoss = 'crashed' | 'did-not-start';

/** What a run hears from the frame. */
export interface FrameRunListener {
  /** The start request has been handed to the frame (it was ready): the run's clock starts. */
  onStarted(): void;
  /** The start request could not be sent (its context is not structured-clonable); the run is over. */
  onStartFailed(reason: string): void;
  /** A message the run's worker posted (unparsed). */
  onRunnerMessage(message: unknown): void;
  /** The frame refused what the worker sent as over the size budget; the run is over. */
  onRefused(message: string): void;
  /** The worker failed outside learner code. */
  onWorkerFailed(reason: 'error' | 'messageerror'): void;
  /** The frame died or never started; the run is over. */
  onFrameLost(loss: FrameLoss): void;
}

/** One sandbox frame and the runs it hosts. */
export class SandboxFrame {
  private readonly element: HTMLIFrameElement;
  private readonly channel = new MessageChannel();
  private readonly runs = new Map<string, FrameRunListener>();
  /** Start requests made before the frame said `ready`. */
  private readonly queued: PageToFrameMessage[] = [];
  private ready = false;
  private lost = false;
  private lastHeard = performance.now();
  private pingSeq = 0;
  private unansweredPings = 0;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private readonly startTimer: ReturnType<typeof setTimeout>;

  /** `onLost` tells the owner to stop handing this frame new runs. */
  constructor(private readonly onLost: (frame: SandboxFrame) => void) {
    const element = document.createElement('iframe');
    element.src = SANDBOX_FRAME_URL;
    element.setAttribute('sandbox', 'allow-scripts');
    element.title = 'Code sandbox: runs your code, shows nothing';
    element.setAttribute('aria-hidden', 'true');
    element.tabIndex = -1;
    element.hidden = true;
    element.addEventListener(
      'load',
      () => {
        // The frame's origin is opaque, so there is no origin to target; only the frame's own window
        // receives this, and only the port carries anything after it.
        element.contentWindow?.postMessage(CONNECT_MESSAGE, '*', [this.channel.port2]);
      },
      { once: true },
    );
    this.channel.port1.onmessage = (event) => this.receive(event.data);
    this.startTimer = setTimeout(() => this.lose('did-not-start'), START_LIMIT_MS);
    this.element = element;
    document.body.appendChild(element);
  }

  /** True once the frame has died or failed to start: it takes no more runs. */
  get isLost(): boolean {
    return this.lost;
  }

  /** Starts `request` in a fresh worker of this frame (as soon as the frame is ready). */
  start(request: RunRequest, listener: FrameRunListener): void {
    if (this.lost) {
      listener.onFrameLost('crashed');
      return;
    }
    this.runs.set(request.runId, listener);
    this.post({ type: 'start', request });
    this.updatePinging();
  }

  /** Ends a run: its worker is terminated at once. */
  end(runId: string): void {
    if (!this.runs.delete(runId)) return;
    this.post({ type: 'end', runId });
    this.updatePinging();
  }

  /**
   * Called when a run reaches its time limit: a frame that has stopped answering by then has died
   * (a crash mid-run leaves the frame silent, not busy), so its runs end as crashed. Returns whether
   * the frame is still alive, in which case the run really did time out.
   */
  confirmAlive(): boolean {
    if (this.lost) return false;
    if (this.ready && this.unansweredPings >= 2 && performance.now() - this.lastHeard > 2 * PING_INTERVAL_MS) {
      this.lose('crashed');
      return false;
    }
    return true;
  }

  /** Removes the frame and everything running in it. */
  dispose(): void {
    this.lost = true;
    clearTimeout(this.startTimer);
    clearInterval(this.pingTimer);
    this.channel.port1.close();
    this.element.remove();
  }

  private post(message: PageToFrameMessage): void {
    if (!this.ready) {
      this.queued.push(message);
      return;
    }
    try {
      this.channel.port1.postMessage(message);
      if (message.type === 'start') this.runs.get(message.request.runId)?.onStarted();
    } catch (error) {
      // A context that cannot be cloned: only a start request carries one.
      if (message.type === 'start') {
        const listener = this.runs.get(message.request.runId);
        this.runs.delete(message.request.runId);
        this.updatePinging();
        listener?.onStartFailed(error instanceof Error ? error.message : String(error));
      }
    }
  }

  private receive(data: unknown): void {
    const message = parseFrameMessage(data);
    if (!message || this.lost) return;
    this.lastHeard = performance.now();
    this.unansweredPings = 0;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        clearTimeout(this.startTimer);
        for (const queued of this.queued.splice(0)) this.post(queued);
        break;
      }
      case 'pong':
        break;
      case 'runner':
        this.runs.get(message.runId)?.onRunnerMessage(message.message);
        break;
      case 'worker-failed':
        this.runs.get(message.runId)?.onWorkerFailed(message.reason);
        break;
      case 'refused':
        this.runs.get(message.runId)?.onRefused(message.message);
        break;
    }
  }

  /** Pings only while runs are in flight: an idle frame costs nothing. */
  private updatePinging(): void {
    if (this.runs.size > 0 && this.pingTimer === undefined) {
      this.lastHeard = performance.now();
      this.unansweredPings = 0;
      this.pingTimer = setInterval(() => this.ping(), PING_INTERVAL_MS);
    } else if (this.runs.size === 0 && this.pingTimer !== undefined) {
      clearInterval(this.pingTimer);
      this.pingTimer = undefined;
    }
  }

  private ping(): void {
    if (!this.ready) return; // the start limit covers a frame that never comes up
    if (this.unansweredPings >= UNANSWERED_PINGS_LIMIT && performance.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      this.lose('crashed');
      return;
    }
    this.unansweredPings += 1;
    this.post({ type: 'ping', seq: ++this.pingSeq });
  }

  private lose(loss: FrameLoss): void {
    if (this.lost) return;
    const runs = [...this.runs.values()];
    this.runs.clear();
    this.dispose();
    this.onLost(this);
    for (const run of runs) run.onFrameLost(loss);
  }
}
