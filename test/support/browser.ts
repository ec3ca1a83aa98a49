import { readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '@app/testing';
import { Platform, type PlatformOptions } from './platform-harness';

/*
 * The console in a real browser: Debian's Chromium driven by playwright-core, against the real api (serving the built
 * console on a free port), worker and mock-sources of a Platform (own database clone and queue prefix).
 */

const ROOT = join(__dirname, '..', '..');
export const CONSOLE_ROOT = join(ROOT, 'dist', 'console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = process.env.CONSOLE_SCREENSHOTS
  ? join(ROOT, 'docs', 'screenshots')
  : join(tmpdir(), 'hev-console-screenshots');

export class ConsoleHarness {
  private constructor(
    readonly platform: Platform,
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async start(options: PlatformOptions & { worker?: boolean } = {}): Promise<ConsoleHarness> {
    const platform = await Platform.start({ ...options, consoleRoot: CONSOLE_ROOT });
    const port = await freePort();
    await platform.api.app.listen(port, '127.0.0.1');
    if (options.worker !== false) await platform.startWorker();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    return new ConsoleHarness(platform, browser, `http://127.0.0.1:${port}`);
  }

  /** A fresh browser context (its own sessionStorage: one user) at 1366×768, the stations' common screen. */
  async context(): Promise<BrowserContext> {
    return this.browser.newContext({
      baseURL: this.baseUrl,
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  }

  /** A new page of a new context, logged in as `username` through the login form. */
  async loginAs(username: string, password: string, path = '/'): Promise<Page> {
    const context = await this.context();
    const page = await context.newPage();
    await page.goto(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
    await login(page, username, password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.platform.close();
  }
}

/** Fills the login form (labels 用户名, 密码; button 登录 — SPEC 12) and submits it. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('button', { name: '登录' }).click();
  await answered;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page and returns the `serious` and `critical` violations (SPEC 12: there must be none).
 * The script is evaluated through the DevTools protocol, which the page's Content Security Policy does not restrict.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, evaluated in the page (this file is compiled without the DOM library).
  const violations = await page.evaluate<
    AxeViolation[]
  >(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A full-page screenshot, into docs/screenshots/ with CONSOLE_SCREENSHOTS=1 (else a temporary folder). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
