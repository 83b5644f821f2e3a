/**
 * Rejects requests whose Host header is not a loopback name with the listening port or a configured
 * extra name. This defeats DNS rebinding, because a web page whose own name resolves to 127.0.0.1
 * still sends that name in Host.
 */
import type { NextFunction, Request, Response } from 'express';

import { misdirectedRequest } from './problems.ts';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Returns the Host values accepted on a connection to `port`. An extra name without a port is
 * accepted with the listening port. The port may be left out only when it is 80, the HTTP default.
 */
export function acceptedHosts(port: number, extraHosts: readonly string[]): string[] {
  const hosts: string[] = [];
  for (const name of LOOPBACK_NAMES) {
    hosts.push(`${name}:${port}`);
    if (port === 80) {
      hosts.push(name);
    }
  }
  for (const extra of extraHosts) {
    const hasPort = /:[0-9]+$/.test(extra);
    hosts.push(hasPort ? extra : `${extra}:${port}`);
    if (!hasPort && port === 80) {
      hosts.push(extra);
    }
  }

  return hosts;
}

/** Express middleware that throws the 421 problem for an unexpected Host header. */
export function checkHost(extraHosts: readonly string[]) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const host = (request.headers.host ?? '').toLowerCase();
    // The local port of the connection is the listening port, which is known only after listen().
    const port = request.socket.localPort;
    const accepted = port === undefined ? [] : acceptedHosts(port, extraHosts);
    if (!accepted.includes(host)) {
      throw misdirectedRequest(request.headers.host ?? '', accepted);
    }
    next();
  };
}
