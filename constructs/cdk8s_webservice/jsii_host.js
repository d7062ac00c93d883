'use strict';
// jsii's kernel in one Node.js process, its API channel on this process's stdin and
// stdout (see jsii_speedups.py, `direct_host`).
//
// jsii's own entry point (bin/jsii-runtime.js) starts a second Node.js process for the
// kernel (lib/program.js), which reads and writes its API messages on fd 3, and relays
// every message between the two. Here the kernel runs in this process instead: its
// reads of fd 3 are served from stdin (fd 0) and its writes go to stdout (fd 1), the
// pipes Python's jsii opened. Console output of JavaScript code is wrapped the way
// the relay wraps it ({"stdout"|"stderr": base64} lines on stderr), which Python's
// jsii unwraps.
const fs = require('fs');
const path = require('path');

const API_FD = 3;
const program = process.env.CDK8S_WEBSERVICE_JSII_PROGRAM;
if (!program) {
  throw new Error('CDK8S_WEBSERVICE_JSII_PROGRAM is not set: the path of jsii\'s lib/program.js');
}

const readSync = fs.readSync;
const writeSync = fs.writeSync;
fs.readSync = function (fd, ...rest) {
  return readSync.call(this, fd === API_FD ? 0 : fd, ...rest);
};
fs.writeSync = function (fd, ...rest) {
  return writeSync.call(this, fd === API_FD ? 1 : fd, ...rest);
};

// What console.log and process.stdout.write need of a stream (Node's stream module
// costs ~15 ms to load, before the first message).
function wrapped(key, fd) {
  const noop = () => stream;
  const stream = {
    fd,
    isTTY: false,
    writable: true,
    write(chunk, encoding, done) {
      const callback = typeof encoding === 'function' ? encoding : done;
      const data = Buffer.isBuffer(chunk)
        ? chunk
        : ArrayBuffer.isView(chunk)
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
      writeSync(2, JSON.stringify({ [key]: data.toString('base64') }) + '\n');
      if (typeof callback === 'function') callback();
      return true;
    },
    end: noop,
    on: noop,
    once: noop,
    off: noop,
    removeListener: noop,
    emit: () => false,
    listenerCount: () => 0,
  };
  return stream;
}
// Replaced before anything reads them: stdout is the API channel.
for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
  Object.defineProperty(process, name, { configurable: true, enumerable: true, value: wrapped(name, fd) });
}
// The terminal's Ctrl-C reaches the whole process group: Python handles it and ends
// this process (closing stdin ends the kernel's read loop).
process.on('SIGINT', () => {});

require(path.resolve(program));
