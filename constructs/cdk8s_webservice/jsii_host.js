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

// V8's code cache for the JavaScript the kernel loads (its own program, the construct
// libraries): a fresh process otherwise parses and compiles every module, and every
// function again at its first call (measured: ~30 ms of a cold synth). Each module's
// code is kept under CDK8S_WEBSERVICE_JSII_CODE_CACHE, named by the SHA-1 of its source
// (V8 itself refuses data made by another V8 or other flags), and written at exit, after
// the run (so functions compiled during it are in), where it was missing or refused.
// As with any wrapper-based loader, columns on a module's first line in a stack trace
// are off by the wrapper's length.
const codeCache = process.env.CDK8S_WEBSERVICE_JSII_CODE_CACHE;
if (codeCache) {
  const Module = require('module');
  const vm = require('vm');
  const crypto = require('crypto');
  const compile = Module.prototype._compile;
  const made = [];
  const used = [];
  Module.prototype._compile = function (content, filename) {
    if (typeof content !== 'string' || content.includes('import(')) {
      return compile.call(this, content, filename); // dynamic import needs Node's own loader
    }
    const entry = path.join(codeCache, crypto.createHash('sha1').update(content).digest('hex'));
    const cachedData = readEntry(entry);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) made.push([script, entry]);
    else used.push(entry);
    const module = this;
    const require = function require(id) {
      return module.require(id);
    };
    require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
    require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    const run = script.runInThisContext({ displayErrors: true });
    return run.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
  // An entry is the SHA-256 of V8's data, then the data. V8 checks only that data is
  // its own version's and flags' (a damaged body can crash it: SIGTRAP, SIGSEGV), so
  // an entry whose checksum differs is not used, and is written again at exit.
  function readEntry(entry) {
    let bytes;
    try {
      bytes = fs.readFileSync(entry);
    } catch {
      return undefined;
    }
    if (bytes.length <= 32) return undefined;
    const data = bytes.subarray(32);
    const sum = crypto.createHash('sha256').update(data).digest();
    return sum.equals(bytes.subarray(0, 32)) ? data : undefined;
  }
  process.on('exit', () => {
    if (made.length === 0) return;
    // Something new (an upgraded library): what this run used is kept, what no run
    // has used for 30 days (an older version's code) goes.
    const now = new Date();
    const cutoff = now.getTime() - 30 * 86400 * 1000;
    try {
      for (const entry of used) fs.utimesSync(entry, now, now);
      for (const name of fs.readdirSync(codeCache)) {
        const entry = path.join(codeCache, name);
        if (fs.statSync(entry).mtimeMs < cutoff) fs.unlinkSync(entry);
      }
    } catch {
      // a cache it cannot tidy is still a cache
    }
    for (const [script, entry] of made) {
      const staging = `${entry}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(codeCache, { recursive: true });
        const data = script.createCachedData();
        fs.writeFileSync(staging, Buffer.concat([crypto.createHash('sha256').update(data).digest(), data]));
        fs.renameSync(staging, entry); // whole or not at all: another run may read it now
      } catch {
        try {
          fs.unlinkSync(staging);
        } catch {
          // nothing was written
        }
      }
    }
  });
}

require(path.resolve(program));
