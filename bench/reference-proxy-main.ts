/**
 * Runs the reference proxy in a process of its own, in front of BENCH_UPSTREAM, signing with the
 * credentials in BENCH_CREDENTIALS (JSON). Prints "bench-ready URL" once it listens on 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';

import type { OAuth1Credentials } from './oauth1-header.ts';
import { createReferenceProxy } from './reference-proxy.ts';

const upstream = process.env.BENCH_UPSTREAM ?? '';
if (!/^http:\/\/127\.0\.0\.1:[0-9]+$/.test(upstream)) {
  throw new Error(`BENCH_UPSTREAM must be a loopback origin such as http://127.0.0.1:4001; got ${JSON.stringify(upstream)}`);
}
const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? 'null') as OAuth1Credentials;

const server = createReferenceProxy(upstream, credentials);
server.listen(0, '127.0.0.1', () => {
  console.log(`bench-ready http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
