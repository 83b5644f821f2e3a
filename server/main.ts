import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startWorkbench } from './workbench.ts';

/** Entry point: reads the configuration, starts the workbench and stops it cleanly on SIGINT or SIGTERM. */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, projectRoot);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!isLoopbackHost(config.host)) {
    logger.warn(
      { host: config.host, teamMode: config.teamMode },
      'listening beyond loopback: anyone who can reach this address can use the workbench; team mode gives each browser session its own workspace',
    );
  }

  const workbench = await startWorkbench({ config, logger, staticDir: path.join(projectRoot, 'dist', 'client') });
  logger.info({ url: workbench.url, sandboxUrl: workbench.sandboxUrl, dataDir: config.dataDir, teamMode: config.teamMode }, 'workbench started');
  console.log(`\nX API Workbench is running at ${workbench.url}\nX sandbox developer portal: ${workbench.sandboxUrl}\nPress Ctrl+C to stop.\n`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutdown: signal received');
    workbench.close().then(
      () => {
        logger.info('shutdown: done');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`The workbench failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
