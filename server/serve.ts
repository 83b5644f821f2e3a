import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startWorkbench } from './workbench.ts';

/**
 * Runs the workbench as the job of this process: reads the configuration, starts everything, logs
 * the errors that nothing else catches, and stops cleanly on SIGINT or SIGTERM. A bad
 * configuration or a failed start prints the reason on stderr and exits with code 1.
 */

export interface ServeOptions {
  /** Folder against which a relative WORKBENCH_DATA_DIR is resolved. */
  projectRoot: string;
  /** Folder of the built client. */
  staticDir: string;
}

/** Time that in-flight requests get to finish after SIGINT or SIGTERM. */
const SHUTDOWN_DEADLINE_MS = 10_000;

export async function serveWorkbench({ projectRoot, staticDir }: ServeOptions): Promise<void> {
  // The database, its WAL file and the key file hold the user's environments: readable by the
  // owner only, whatever the mode of an existing data folder.
  process.umask(0o077);
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
  // A rejection that nothing handles is a bug in one request's path, so it is logged and the server
  // keeps serving. An uncaught exception may have left in-memory state half changed, so the
  // process stops. SQLite rolls back any transaction that did not commit.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (the server keeps running)');
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: stopping the server');
    process.exit(1);
  });
  if (!isLoopbackHost(config.host)) {
    logger.warn(
      { host: config.host, teamMode: config.teamMode },
      'listening beyond loopback: anyone who can reach this address can use the workbench; team mode gives each browser session its own workspace',
    );
  }

  const workbench = await startWorkbench({ config, logger, staticDir });
  const stop = (signal: string) => {
    logger.info({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown: signal received');
    workbench.close(SHUTDOWN_DEADLINE_MS).then(
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
  // Registered before the address is printed, because a supervisor or a test may send the signal
  // as soon as it reads that line.
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  logger.info({ url: workbench.url, sandboxUrl: workbench.sandboxUrl, dataDir: config.dataDir, teamMode: config.teamMode }, 'workbench started');
  console.log(`\nX API Workbench is running at ${workbench.url}\nX sandbox developer portal: ${workbench.sandboxUrl}\nPress Ctrl+C to stop.\n`);
}
