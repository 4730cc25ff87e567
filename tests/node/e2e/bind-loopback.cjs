// Preloaded with `node -r` into Microsoft's Teams emulator (m365agentsplayground), which binds all
// interfaces and has no host option (EMULATOR-NOTES quirk 3): every TCP listen goes to 127.0.0.1.
'use strict';

const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  const first = args[0];

  // listen() or listen(cb): a random port.
  if (args.length === 0) {
    return originalListen.call(this, { port: 0, host: LOOPBACK }, callback);
  }

  // listen(port[, host][, backlog]): drop the host, keep the backlog.
  if (isPort(first)) {
    let rest = args.slice(1);
    if (rest.length > 0 && (typeof rest[0] === 'string' || rest[0] == null)) {
      rest = rest.slice(1);
    }

    const options = { port: Number(first), host: LOOPBACK };
    if (typeof rest[0] === 'number') {
      options.backlog = rest[0];
    }

    return originalListen.call(this, options, callback);
  }

  // listen({ port, host, ... }): TCP options (not a pipe path or a handle).
  if (first && typeof first === 'object' && first.path == null && first.fd == null && first._handle == null && !(first instanceof net.Server)) {
    return originalListen.call(this, { ...first, host: LOOPBACK }, callback);
  }

  // A pipe path or handle: unchanged.
  return callback ? originalListen.call(this, ...args, callback) : originalListen.apply(this, args);
};
