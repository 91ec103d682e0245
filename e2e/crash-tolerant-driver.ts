/**
 * Drives a page through its own CDP session, for the moments after the sandbox frame's process
 * crashes. Playwright 1.65 attaches to out-of-process iframes and, when one of them crashes, reports
 * the whole page as crashed (the frame session's `Inspector.targetCrashed` calls the page's
 * `_didCrash`), after which every Playwright call on that page throws "Page crashed" although the
 * tab is alive. This driver keeps testing what the learner sees through the accessibility tree
 * (role + accessible name, like Playwright's role locators) and real mouse events, so those specs
 * can check that the page survived.
 */
import type { CDPSession, Page } from '@playwright/test';

interface AXNode {
  readonly backendDOMNodeId?: number;
  readonly ignored?: boolean;
  readonly name?: { readonly value?: string };
}

/** Matches an accessible name exactly (string) or by pattern. */
export type NameMatcher = string | RegExp;

function nameMatches(node: AXNode, name: NameMatcher | undefined): boolean {
  if (name === undefined) return true;
  const value = node.name?.value ?? '';
  return typeof name === 'string' ? value === name : name.test(value);
}

/** A path of [role, accessible name] steps from the document down, like chained role locators. */
export type RolePath = ReadonlyArray<readonly [role: string, name?: NameMatcher]>;

export class CrashTolerantDriver {
  private constructor(private readonly cdp: CDPSession) {}

  /** Opens a CDP session on `page`; call it before anything can crash. Accepts confirm dialogs. */
  static async attach(page: Page): Promise<CrashTolerantDriver> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    await cdp.send('Page.enable');
    // Whichever session sees the dialog first accepts it (Playwright would otherwise dismiss it).
    page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
    cdp.on(
      'Page.javascriptDialogOpening',
      () => void cdp.send('Page.handleJavaScriptDialog', { accept: true }).catch(() => undefined),
    );
    return new CrashTolerantDriver(cdp);
  }

  /** The backend node id of the element at `path`, looked up afresh (React may replace nodes). */
  async find(path: RolePath): Promise<number | undefined> {
    let scope = (await this.cdp.send('DOM.getDocument', { depth: 0 })).root.backendNodeId;
    for (const [role, name] of path) {
      const { nodes } = (await this.cdp.send('Accessibility.queryAXTree', {
        backendNodeId: scope,
        role,
        ...(typeof name === 'string' ? { accessibleName: name } : {}),
      })) as { nodes: AXNode[] };
      const found = nodes.find(
        (node) => !node.ignored && node.backendDOMNodeId !== undefined && nameMatches(node, name),
      );
      if (!found) return undefined;
      scope = found.backendDOMNodeId!;
    }
    return scope;
  }

  /** The text content of the element at `path` ('' while there is none). */
  async text(path: RolePath): Promise<string> {
    const node = await this.find(path);
    if (node === undefined) return '';
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: node });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return String(result.value ?? '');
  }

  /** Waits until the text at `path` matches; returns it. */
  async waitForText(path: RolePath, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    let last: string | undefined;
    await this.waitFor(
      async () =>
        pattern.test((last = (await this.find(path)) === undefined ? undefined : await this.text(path)) ?? ''),
      timeoutMs,
      () => `${describe(path)} to match ${pattern} (${last === undefined ? 'element not found' : `last: "${last}"`})`,
    );
    return last ?? '';
  }

  /** A real mouse click in the middle of the element at `path` (waiting for it to exist). */
  async click(path: RolePath, timeoutMs = 10_000): Promise<void> {
    let node: number | undefined;
    await this.waitFor(
      async () => (node = await this.find(path)) !== undefined,
      timeoutMs,
      () => describe(path),
    );
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node! });
    const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId: node! });
    const q = model.content;
    const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
    const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
    await this.cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await this.cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await this.cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  }

  /** Evaluates an expression in the page (awaiting a promise) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(`evaluate failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  private async waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await condition()) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function describe(path: RolePath): string {
  return path.map(([role, name]) => (name === undefined ? role : `${role} "${name}"`)).join(' > ');
}
