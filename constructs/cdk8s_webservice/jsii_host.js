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

// Assemblies to load before Python asks (CDK8S_WEBSERVICE_JSII_PRELOAD: a JSON list of
// {name, version, tarball}): their load requests come first on the kernel's input, so
// it loads them while Python is still importing, and their answers are not passed on
// (Python sends its own load of each later, which the kernel answers from what it has,
// or with jsii's own error when a load here failed).
const preload = JSON.parse(process.env.CDK8S_WEBSERVICE_JSII_PRELOAD || '[]');
let injected = Buffer.from(
  preload.map(({ name, version, tarball }) => JSON.stringify({ api: 'load', name, version, tarball }) + '\n').join(''),
);
// The kernel's first line is its hello (passed on), then one answer per injected request.
let heldLines = preload.length;
let helloSent = false;

const readSync = fs.readSync;
const writeSync = fs.writeSync;
fs.readSync = function (fd, ...args) {
  if (fd !== API_FD) return readSync.call(this, fd, ...args); // as called (its arity matters)
  const [buffer, offset, length] = args;
  if (injected.length > 0 && Buffer.isBuffer(buffer) && typeof offset === 'number' && typeof length === 'number') {
    const count = injected.copy(buffer, offset, 0, Math.min(length, injected.length));
    injected = injected.subarray(count);
    return count;
  }
  return readSync.call(this, 0, ...args);
};
fs.writeSync = function (fd, data, ...rest) {
  if (fd !== API_FD) return writeSync.call(this, fd, data, ...rest);
  if (heldLines === 0 || !Buffer.isBuffer(data)) return writeSync.call(this, 1, data, ...rest);
  // The kernel writes a Buffer from an offset (writeBuffer: fd, buffer, offset); the lines
  // past the held ones go on.
  const offset = typeof rest[0] === 'number' ? rest[0] : 0;
  const length = typeof rest[1] === 'number' ? rest[1] : data.length - offset;
  const chunk = data.subarray(offset, offset + length);
  let start = 0;
  while (heldLines > 0 && start < chunk.length) {
    const end = chunk.indexOf(10, start);
    const stop = end === -1 ? chunk.length : end + 1;
    if (!helloSent) writeAll(chunk.subarray(start, stop));
    else if (end !== -1) heldLines -= 1;
    if (end !== -1) helloSent = true;
    start = stop;
  }
  if (start < chunk.length) writeAll(chunk.subarray(start));
  return length;
};
function writeAll(bytes) {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
  }
}

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
