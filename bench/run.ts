/**
 * `npm run bench`: measures proxy overhead, throughput, start-up, page weight, memory and growth
 * with data on this machine, in one run, and prints Markdown tables and each target as met or not
 * met. Absolute times differ between machines; the ratios compare things measured side by side.
 *
 * Options: --quick runs about a fifth of the requests (for trying the benchmark, not for records);
 * --only=overhead,throughput,startup,page,memory,followers,history runs only the named sections.
 * BENCH_CPU_PROF_DIR=folder makes the measured workbench servers write V8 CPU profiles there, and
 * BENCH_SERVER_LOG_LEVEL sets their LOG_LEVEL (default info, as `npm start` runs).
 */
import os from 'node:os';

import { killAllChildren } from './processes.ts';
import { startProxyRig, type ProxyRig } from './proxy-rig.ts';
import { formatSection, formatTargets, type SectionReport, type TargetLine } from './report.ts';
import { measureFollowerPages } from './sections/follower-pages.ts';
import { measureHistoryPages } from './sections/history-pages.ts';
import { measureMemory } from './sections/memory.ts';
import { measurePageWeight } from './sections/page-weight.ts';
import { measureProxyOverhead } from './sections/proxy-overhead.ts';
import { measureStartup } from './sections/startup.ts';
import { measureThroughput } from './sections/throughput.ts';

const SECTIONS = ['overhead', 'throughput', 'startup', 'page', 'memory', 'followers', 'history'] as const;
type SectionName = (typeof SECTIONS)[number];

/** The whole run is stopped after this long, with every process it started. */
const RUN_TIME_LIMIT_MS = 15 * 60 * 1000;

interface Options {
  quick: boolean;
  sections: Set<SectionName>;
}

function parseOptions(args: string[]): Options {
  const options: Options = { quick: false, sections: new Set(SECTIONS) };
  for (const argument of args) {
    if (argument === '--quick') {
      options.quick = true;
      continue;
    }
    if (argument.startsWith('--only=')) {
      const names = argument.slice('--only='.length).split(',');
      const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
      if (unknown.length > 0) {
        throw new Error(`--only names unknown sections ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
      }
      options.sections = new Set(names as SectionName[]);
      continue;
    }
    throw new Error(`unknown option ${JSON.stringify(argument)}; use --quick and --only=${SECTIONS.join(',')}`);
  }

  return options;
}

function describeMachine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';

  return [
    `Date: ${new Date().toISOString()}`,
    `Machine: ${os.availableParallelism()} cores available (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
    `Node.js: ${process.version}`,
    `Load average at the start (1, 5, 15 min): ${formatLoadAverage()}`,
  ].join('\n');
}

/** Other work on the machine slows every measurement; the load average shows how much there was. */
function formatLoadAverage(): string {
  return os.loadavg().map((load) => load.toFixed(2)).join(', ');
}

async function runSections(options: Options): Promise<SectionReport[]> {
  const scale = options.quick ? 0.2 : 1;
  const selected = (name: SectionName) => options.sections.has(name);
  const reports: SectionReport[] = [];
  const report = (section: SectionReport) => {
    reports.push(section);
    console.error(`Measured: ${section.title}`);
  };

  if (selected('startup')) {
    report(await measureStartup(options.quick ? 3 : 5));
  }
  if (selected('page')) {
    report(await measurePageWeight(options.quick ? 3 : 5));
  }

  if (selected('overhead') || selected('throughput') || selected('memory') || selected('history')) {
    const rig: ProxyRig = await startProxyRig();
    try {
      if (selected('overhead')) {
        report(await measureProxyOverhead(rig, Math.round(1000 * scale)));
      }
      if (selected('throughput')) {
        report(await measureThroughput(rig, options.quick ? 1 : 3));
      }
      if (selected('memory')) {
        report(await measureMemory(rig, Math.round(20_000 * scale)));
      }
      if (selected('history')) {
        report(await measureHistoryPages(rig, Math.round(500 * scale)));
      }
    } finally {
      await rig.stop();
    }
  }

  if (selected('followers')) {
    report(await measureFollowerPages(Math.round(500 * scale)));
  }

  return reports;
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const timeLimit = setTimeout(() => {
    console.error(`The benchmark did not finish within ${RUN_TIME_LIMIT_MS / 60_000} minutes; stopping it and its processes.`);
    killAllChildren();
    process.exit(2);
  }, RUN_TIME_LIMIT_MS);

  console.log(`# X API Workbench benchmark\n\n${describeMachine()}${options.quick ? '\n\nQuick run: fewer requests, not for records.' : ''}\n`);
  // Sections run in the order that needs the fewest server starts, and print in the order of their numbers.
  const reports = (await runSections(options)).sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
  for (const report of reports) {
    console.log(`${formatSection(report)}\n`);
  }
  const targets: TargetLine[] = reports.flatMap((report) => report.targets);
  console.log(`## Targets\n\n${formatTargets(targets)}\n\nLoad average at the end (1, 5, 15 min): ${formatLoadAverage()}`);

  clearTimeout(timeLimit);
}

process.once('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});
process.once('exit', killAllChildren);

main().catch((error: unknown) => {
  console.error(`The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
  process.exit(1);
});
