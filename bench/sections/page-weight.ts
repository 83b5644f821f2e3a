import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium, type Browser } from '@playwright/test';

import { runProcess, startService, TSX_ARGS } from '../processes.ts';
import { checkTarget, formatMs, type SectionReport, type Table } from '../report.ts';
import { median } from '../stats.ts';

/**
 * Measures the gzipped size of the JavaScript and CSS that index.html loads at once, and the time
 * until the workbench is usable in headless Chromium. The client is built into a temporary folder
 * and served from there, so that dist/client is never rebuilt under another running server.
 */

const GZIP_LEVEL = 9;
const KIB = 1024;
const FIRST_LOAD_JS_LIMIT_BYTES = 100 * KIB;
const USABLE_LIMIT_MS = 500;
/** A request that needs no input, so that its Send button turns enabled as soon as the environments are loaded. */
const READY_REQUEST_NAME = 'Authenticated user lookup';

interface InitialAsset {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export async function measurePageWeight(renders: number): Promise<SectionReport> {
  const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-build-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-page-'));
  try {
    await runProcess('the client build', ['node_modules/vite/bin/vite.js', 'build', '--outDir', buildDir, '--emptyOutDir', '--logLevel', 'warn'], 120_000);
    const assets = readInitialAssets(buildDir);
    const lazyFiles = fs.readdirSync(path.join(buildDir, 'assets')).filter((file) => !assets.some((asset) => asset.file === `assets/${file}`));
    const totalGzip = (kind: InitialAsset['kind']) => assets.filter((asset) => asset.kind === kind).reduce((sum, asset) => sum + asset.gzipBytes, 0);
    const jsGzip = totalGzip('js');

    const server = await startService('the workbench server for the page', [...TSX_ARGS, 'bench/workbench-main.ts'], {
      env: { HOST: '127.0.0.1', PORT: '0', SANDBOX_PORT: '0', WORKBENCH_DATA_DIR: dataDir, BENCH_STATIC_DIR: buildDir, LOG_LEVEL: 'warn' },
      readyPattern: /bench-ready (http:\/\/\S+)/,
      timeoutMs: 60_000,
    });
    let times: number[];
    try {
      times = await timeUsableWorkbench(server.url, renders);
    } finally {
      await server.stop();
    }
    const usable = median(times);

    const sizeTable: Table = {
      headers: ['file loaded by index.html', 'bytes', `gzip -${GZIP_LEVEL} bytes`],
      rows: [
        ...assets.map((asset) => [asset.file, String(asset.bytes), String(asset.gzipBytes)]),
        ['total JavaScript', '', String(jsGzip)],
        ['total CSS', '', String(totalGzip('css'))],
      ],
    };
    const renderTable: Table = {
      headers: ['render', ...times.map((_, index) => String(index + 1)), 'median'],
      rows: [['ms to a usable workbench', ...times.map(formatMs), formatMs(usable)]],
    };

    return {
      title: '4. Page weight and first render',
      tables: [sizeTable, renderTable],
      notes: [
        `Sizes are gzipSync at level ${GZIP_LEVEL} of each file that index.html loads at once (script, stylesheet and modulepreload tags). Loaded on demand: ${lazyFiles.join(', ') || 'nothing'}.`,
        `"Usable" is the time from navigation start until the Send button of "${READY_REQUEST_NAME}" is enabled; a script in the page picks that request in the sidebar the moment the sidebar appears. Each render uses a new browser context, so nothing is cached; one untimed render comes first.`,
      ],
      targets: [
        checkTarget(
          jsGzip <= FIRST_LOAD_JS_LIMIT_BYTES,
          `at most 100 KiB of gzipped JavaScript on first load: ${(jsGzip / KIB).toFixed(1)} KiB`,
        ),
        checkTarget(usable < USABLE_LIMIT_MS, `usable in under ${USABLE_LIMIT_MS} ms (median): ${formatMs(usable)} ms`),
      ],
    };
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Lists the scripts, stylesheets and module preloads that index.html names. */
function readInitialAssets(buildDir: string): InitialAsset[] {
  const html = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8');
  const references: Array<{ file: string; kind: InitialAsset['kind'] }> = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const text = tag[0];
    const source = /\b(?:src|href)="\/([^"]+)"/.exec(text)?.[1];
    if (source === undefined) {
      continue;
    }
    if (tag[1] === 'script' || /\brel="modulepreload"/.test(text)) {
      references.push({ file: source, kind: 'js' });
    } else if (/\brel="stylesheet"/.test(text)) {
      references.push({ file: source, kind: 'css' });
    }
  }
  if (!references.some((reference) => reference.kind === 'js')) {
    throw new Error(`${path.join(buildDir, 'index.html')} names no script; the build output has changed shape`);
  }

  return references.map((reference) => {
    const content = fs.readFileSync(path.join(buildDir, reference.file));
    return { ...reference, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: GZIP_LEVEL }).byteLength };
  });
}

async function timeUsableWorkbench(url: string, renders: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    await timeOneRender(browser, url);
    const times: number[] = [];
    for (let render = 0; render < renders; render += 1) {
      times.push(await timeOneRender(browser, url));
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function timeOneRender(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForUsableWorkbench(READY_REQUEST_NAME));
    await page.goto(url);
    await page.waitForFunction(() => (window as { benchUsableAt?: number }).benchUsableAt !== undefined, null, { timeout: 15_000 });

    return await page.evaluate(() => (window as { benchUsableAt?: number }).benchUsableAt!);
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before its scripts: selects the request in the sidebar as soon as it appears,
 * then stores performance.now() (milliseconds since navigation start) in window.benchUsableAt
 * when that request's Send button is enabled. It is plain JavaScript text because tsx would add
 * helper calls to a compiled function that do not exist in the page.
 */
function watchForUsableWorkbench(requestName: string): string {
  return `(() => {
    const requestName = ${JSON.stringify(requestName)};
    let selected = false;
    const observer = new MutationObserver(() => {
      const sidebarItem = [...document.querySelectorAll('nav[aria-label="Collection"] button')]
        .find((button) => button.textContent.includes(requestName));
      if (!selected && sidebarItem !== undefined) {
        sidebarItem.click();
        selected = true;
      }
      const editor = document.querySelector('section[aria-label="Request"]');
      const heading = editor?.querySelector('h2')?.textContent;
      const send = [...(editor?.querySelectorAll('button') ?? [])].find((button) => button.textContent.trim() === 'Send');
      if (selected && heading === requestName && send !== undefined && !send.disabled) {
        window.benchUsableAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })();`;
}
