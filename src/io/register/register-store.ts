/**
 * The register on disk (register.md "The event log"): register/events.jsonl, append-only, one event
 * a line, each appended with one write and fsync under register/.lock. Nothing in it names an
 * absolute path, so a workspace copied to a USB stick and back keeps its register.
 *
 * Readers verify the whole chain and go no further on a break (REGISTER_CORRUPT); a writer re-reads
 * the log under the lock, refuses a broken one, and appends the event its caller decides on from the
 * state it sees then.
 */
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { ToolError } from '../../diagnostics/tool-error.js';
import {
  ChainReader,
  eventLine,
  parseLineAgain,
  sealEvent,
  sealLine,
  tornPrefix,
  writtenEvent,
  type ChainResult,
  type Head,
  type LineChecked,
} from '../../register/chain.js';
import type { Author, EventBody, RegisterEvent, StoredEvent } from '../../register/events.js';
import { continueReplay, replay, replayStart, type RegisterState } from '../../register/state.js';
import { fullRecords, LineChangedError, type LineSource, type StoredRecord } from '../../register/stored.js';
import { checkpointCovers, checkpointHead, decodeCheckpoint, type CheckpointHead, type Covers } from '../../register/checkpoint.js';
import { segmented, segmentHead, segmentOf, type SegmentedFile } from '../../register/checkpoint-segment.js';
import { CheckpointBuilder, checkpointParts } from '../../register/checkpoint-writer.js';
import { extendCheckpoint } from '../../register/checkpoint-extend.js';
import { prefixOf } from '../../register/lazy-state.js';
import { openCheckpointFile, openSegmentFile, removeSegmentFile, SEGMENT_FILE, writeCheckpointFile } from './register-checkpoint.js';
import { takeEarlyLog, type EarlyLog, type LogDigests } from './log-hash.js';
import { SpillFile } from './checkpoint-spill-file.js';
import { LOG_CHECK_MIN_BYTES, LogCheck, LogCheckFailed, wantLogCheck } from './log-check.js';
import { CANONICAL, CHECKED } from './log-check-worker.js';
import type { CreditRecord } from '../../schemas/record.js';
import { acquireRegisterLock, type LockOptions, type RegisterLock } from './register-lock.js';
import { beforeAccess } from '../faults.js';
import { registerFault } from './register-faults.js';
import { afterCommit, beforeCommit, enterCommit, pausePoint } from '../interrupt.js';
import { nodePort } from '../node-port.js';
import { onInterrupt } from '../cleanup.js';
import { takePrimed } from './log-primed.js';
import type { AppendHandle, IoPort, ReadHandle } from '../port.js';

// Every file access goes through the port (io/port.ts; Node's by default, a MemoryPort in tests). A FIFO
// put where the log should be must not block the open (and with it Ctrl-C and SIGTERM, which a blocked
// synchronous call never lets run): the port opens non-blocking, and the log is refused unless a regular file.

export const REGISTER_DIR = 'register';
export const EVENTS_FILE = 'events.jsonl';
/** The register's paths as shown to the clerk (relative to the workspace, `/` separators). */
export const EVENTS_DISPLAY = `${REGISTER_DIR}/${EVENTS_FILE}`;

export function registerDir(workspace: string): string {
  return join(workspace, REGISTER_DIR);
}

/**
 * Whether the workspace has a register: its event log, register/events.jsonl (compile and status then check against
 * it; supervise and the report read its facts). A `register/` folder without it is a register not begun — the first
 * `publish` or `register import` begins it — as no folder is (docs/decisions.md "An empty register/ folder"): it knows
 * nothing of what is public, so nothing is checked against it. A log with no event is the same (loadedRegister).
 */
export function hasRegister(workspace: string, io: IoPort = nodePort): boolean {
  return io.exists(eventsPath(workspace));
}

export function eventsPath(workspace: string): string {
  return join(workspace, REGISTER_DIR, EVENTS_FILE);
}

export interface LogRead {
  exists: boolean;
  /** The log's size in bytes when it was read. */
  size: number;
  /**
   * A broken log's events say where the chain broke; a large one read with no usable checkpoint (SINK_BYTES) gives
   * them without their records (every reader but verify and repair refuses it: loadRegister's REGISTER_CORRUPT).
   */
  result: ChainResult;
  /** Byte offset where a torn last line starts (null when the log ends cleanly). */
  tornAt: number | null;
  /**
   * The last line is a whole event without its `\n` (another tool's log): the next append writes the
   * `\n` first, in the same write as its line.
   */
  unterminated: boolean;
  /** The prefix a checkpoint covers was checked by the hash begun beside start-up (log-hash.ts), not read here. */
  hashedEarly?: true;
  /** Read through a checkpoint with ReadOptions.carry: what a segment written after an append needs. */
  carry?: Carry;
}

/** The SHA-256 of the log's bytes after the base checkpoint (carried on over a line appended), and that base. */
export interface Carry {
  since: Hash;
  base: { head: CheckpointHead; size: number };
  /** Where the checkpoint read (the base, or the base and its segment) ends in the log. */
  through: number;
}

/** Whether the workspace has a register (its event log). */
export function registerExists(workspace: string, io: IoPort = nodePort): boolean {
  return io.exists(eventsPath(workspace));
}

/** The log's lines read back for whole records (stored.ts): opened for each line asked, never held open. */
class LogLines implements LineSource {
  constructor(
    private readonly path: string,
    private readonly io: IoPort,
  ) {}

  readLine(pos: number, len: number): Buffer {
    const buf = Buffer.allocUnsafe(len);
    let fd: ReadHandle;
    try {
      fd = this.io.openRead(this.path);
    } catch (err) {
      throw new ToolError('REGISTER_UNREADABLE', { path: EVENTS_DISPLAY, problem: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
    }
    try {
      if (fd.kind !== 'file') throw new ToolError('REGISTER_UNREADABLE', { path: EVENTS_DISPLAY, problem: 'not a file' });
      let done = 0;
      while (done < len) {
        const n = fd.read(buf, done, len - done, pos + done);
        if (n === 0) break;
        done += n;
      }
      return done === len ? buf : buf.subarray(0, done);
    } finally {
      fd.close();
    }
  }
}

/** Where reading starts, and how far a buffer may grow for one line (a province's batch is ~20 MB a line). */
const CHUNK = 16 << 20;

/**
 * The prefix a checkpoint covers is read and hashed 1 MiB at a time: the bytes are hashed while they are
 * still in the processor's cache (16 MiB reads cost a city's 71 MB log ~0.05–0.1 s more: bench/RESULTS.md).
 */
const PREFIX_CHUNK = 1 << 20;

/** How the log was read: from its first line, or after a checkpoint (register/checkpoint.ts). */
interface ReadVia {
  /** The events the checkpoint gave (0: read from the first line). */
  fromCheckpoint: number;
  /** Bytes and events read after it (the whole log without one). */
  tailBytes: number;
  tailEvents: number;
  /**
   * The SHA-256 of every byte read, and whether every line was our writer's: what a new checkpoint needs (null:
   * the bytes parsed after the checkpoint are not those the early hash read, log-hash.ts: no checkpoint is written).
   */
  sha256: string | null;
  onlyOurs: boolean;
  /** The checkpoint built as the lines were read (ReadOptions.chainOnly). */
  built?: CheckpointBuilder;
}

export interface ReadOptions {
  /** false: read from the first line whatever checkpoint there is (register verify). */
  checkpoint?: boolean;
  /** The largest log kept with a checkpoint (CHECKPOINT_MAX_LOG_BYTES; tests make it small). */
  checkpointMaxBytes?: number;
  /** The file system (io/port.ts); Node's by default. */
  io?: IoPort;
  /**
   * Only the chain of the events is asked of the result (register verify, with `checkpoint: false`): each
   * line's records go into the new checkpoint as it is read and are not kept — the events returned have no
   * records, removals, corrections, unchanged ids or contents. A province's 10⁶ records are never held at once.
   */
  chainOnly?: boolean;
  /** How many bytes after a checkpoint make a read extend it (EXTEND_BYTES; tests make it 0). */
  extendBytes?: number;
  /** Keep what a segment continuing the checkpoint needs after an append (LogRead.carry: publish, import). */
  carry?: boolean;
  /** The smallest log read with no usable checkpoint the way verify reads it, then through the checkpoint (SINK_BYTES). */
  sinkBytes?: number;
  /**
   * Whether such a read may check the log on a second thread (io/register/log-check.ts): undefined asks wantLogCheck
   * (HRSS_CREDIT_LOG_THREAD, the load), from LOG_CHECK_MIN_BYTES (`logThreadBytes`; tests make it 0).
   */
  logThread?: boolean;
  logThreadBytes?: number;
  /** The second thread's first buffers (tests make them small: lines then outgrow and cross them). */
  logThreadSlab?: number;
}

/**
 * A read with no usable checkpoint (none, another version's, another log's, one that cannot be extended) of a log this
 * large reads it as verify does — each event given to the checkpoint's builder as it is accepted, its records one at a
 * time, the columns spilled (chain.ts EventSink) — writes the checkpoint, and then reads the events through it, as
 * the next command would: a province's 10⁶ records are never held at once (935 MB for `register show`, decisions.md
 * "A read with no checkpoint, in bounded memory"). A smaller log's events are kept as read (few records; a city's
 * 71 MB log is above it, and took less CPU and memory so: bench/RESULTS.md "A read with no checkpoint").
 */
const SINK_BYTES = 64 << 20;

/**
 * A read that parsed this much after its checkpoint extends it with what it parsed (register/checkpoint-extend.ts:
 * the old file's parts copied, the new rows merged in — a city's ~18 MB copied costs less than parsing a batch's
 * ~265 KB line again in every later command); a read without one writes one from the first line. Small events
 * (a note, an objection) are parsed again by the next readers rather than each copying the whole file.
 */
const EXTEND_BYTES = 64 << 10;
const EXTEND_EVENTS = 64;

/**
 * A log larger than this keeps no checkpoint and is read from its first line. It was 256 MiB while a
 * checkpoint was held whole (a province's peaked at ~1.0 GB); read in place (version 3) a province's
 * (10⁶ records, a ~700 MB log) keeps one (decisions.md "A province's checkpoint"). 2 GiB: three provinces'
 * worth, short of register-checkpoint.ts's 1 GiB limit on the checkpoint file.
 */
export const CHECKPOINT_MAX_LOG_BYTES = 2 * 1024 ** 3;

/**
 * Reads and verifies the whole log, a chunk at a time: a province's log (~700 MB) is never held whole,
 * and records keep only their summary and where their line is (register/stored.ts). A missing log is
 * an empty one. The prefix a valid checkpoint covers is only hashed, not parsed; a read that parsed
 * much writes a new checkpoint.
 */
export function readLog(workspace: string, options: ReadOptions = {}): LogRead {
  // Read already, a pause at a time, by the read-only command before it ran (cli/register-prime.ts; log-primed.ts).
  const primed = takePrimed<LogRead>(workspace, options.io ?? nodePort, options);
  if (primed) return primed;
  const steps = readSteps(workspace, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** readLog, pausing between lines (io/interrupt.ts): a writer reading a large log under the lock sees a Ctrl-C at once. */
export async function readLogPausing(
  workspace: string,
  pause: () => Promise<void>,
  io: IoPort = nodePort,
  options: Omit<ReadOptions, 'io'> = {},
): Promise<LogRead> {
  const steps = readSteps(workspace, { ...options, io });
  // Interrupted in a pause (Ctrl-C: io/cleanup.ts, before the process exits), the read ends there: its finally blocks
  // close the log's descriptor and the checkpoint's, remove its scratch file and stop its second thread.
  const forget = onInterrupt(() => void steps.return(undefined as never));
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  } finally {
    forget();
  }
}

/**
 * The log read (scanLog) and its checkpoint kept (keepCheckpoint). A read that built its checkpoint as it went
 * (SINK_BYTES) without being verify's gives the events read back through the checkpoint it wrote; when none could
 * be written (another tool's lines, a last line without `\n`, a register folder that cannot be written) the log
 * is read again, its events kept as read.
 */
function* readSteps(workspace: string, options: ReadOptions): Generator<undefined, LogRead, undefined> {
  // A checkpoint built as the lines are read spills its text and removals to a scratch file (made at its first write).
  let spill = new SpillFile(registerDir(workspace), options.io ?? nodePort);
  try {
    let read: LogRead & { via?: ReadVia };
    try {
      read = yield* scanLog(workspace, options, spill);
    } catch (err) {
      // The second thread failed or stalled: the log read again from its first line in this one.
      if (!(err instanceof LogCheckFailed)) throw err;
      spill.dispose();
      spill = new SpillFile(registerDir(workspace), options.io ?? nodePort);
      read = yield* scanLog(workspace, { ...options, logThread: false }, spill);
    }
    const sunk = read.via?.built !== undefined && !options.chainOnly;
    const wrote = keepCheckpoint(workspace, read, options);
    if (!sunk) return wrote.read;
    spill.dispose();
    // A broken log is refused by every reader: its events (without their records) only say where it broke.
    if (!read.result.ok) return wrote.read;
    const events = wrote.covers ? eventsThrough(workspace, wrote.covers, options.io ?? nodePort) : null;
    if (events) return { ...wrote.read, result: { ...read.result, events } };
    const again = yield* scanLog(workspace, { ...options, sinkBytes: Number.POSITIVE_INFINITY });
    return keepCheckpoint(workspace, again, options).read;
  } finally {
    spill.dispose();
  }
}

/** The events of the checkpoint just written, when it is the one written (covers the same bytes); else null. */
function eventsThrough(workspace: string, covers: Covers, io: IoPort): StoredEvent[] | null {
  const file = openCheckpointFile(registerDir(workspace), io);
  if (!file) return null;
  let kept = false;
  try {
    const found = checkpointCovers(file);
    if (!found || found.bytes !== covers.bytes || found.sha256 !== covers.sha256 || found.hash !== covers.hash) return null;
    const events = decodeCheckpoint(file, new LogLines(eventsPath(workspace), io));
    kept = events !== null && events.length === covers.lines;
    return kept ? events : null;
  } finally {
    // Kept open while its parts are read when first asked (register/checkpoint-parts.ts), as a read through it does.
    if (!kept) file.close();
  }
}

/**
 * Writes a checkpoint of a whole, valid log of our writer's lines when the read parsed much of it: the checkpoint
 * it read through extended with the events after it, or (none, or one that cannot be extended) built from them all.
 */
function keepCheckpoint(workspace: string, read: LogRead & { via?: ReadVia }, options: ReadOptions): { read: LogRead; covers?: Covers } {
  const { via, ...out } = read;
  if (!via || via.sha256 === null || !read.result.ok || read.unterminated || !via.onlyOurs || read.result.head === null)
    return { read: out };
  const events = read.result.events;
  const covers = { seq: read.result.head.seq, hash: read.result.head.hash, bytes: read.size, lines: events.length, sha256: via.sha256 };
  const io = options.io ?? nodePort;
  const prefix = prefixOf(events);
  if (via.fromCheckpoint > 0 && options.checkpoint !== false) {
    if (via.tailBytes < (options.extendBytes ?? EXTEND_BYTES) && via.tailEvents < EXTEND_EVENTS) return { read: out };
    if (via.tailEvents === 0) return { read: out };
    const extended = prefix ? extendCheckpoint(prefix, events.slice(via.fromCheckpoint), covers) : null;
    // The old file stays open for the parts this command has not read yet (renamed over, it is still the file checked).
    if (extended)
      return wrote(
        workspace,
        out,
        writeCheckpointFile(registerDir(workspace), extended, io, () => prefix?.loadAll?.()),
        io,
      );
  }
  // The checkpoint read (if any) is read whole and closed before a new one takes its name.
  prefix?.loadAll?.();
  const parts = via.built ? via.built.finishStream(covers) : checkpointParts(events, covers);
  const written = parts ? writeCheckpointFile(registerDir(workspace), parts, io) : false;
  const done = wrote(workspace, out, written, io);
  return written ? { ...done, covers } : done;
}

/**
 * After a whole checkpoint was written (an extension, a build: also the compaction of a base and its segment), the
 * segment of the base it replaced is removed; the read carries nothing on (its base is gone).
 */
function wrote(workspace: string, read: LogRead, written: boolean, io: IoPort): { read: LogRead } {
  if (written) removeSegmentFile(registerDir(workspace), io);
  const { carry: _gone, ...out } = read;
  return { read: out };
}

/**
 * The events of the log's prefix a checkpoint covers, when its bytes are exactly those it was built
 * from: hashed a chunk at a time (yielding between chunks) into `digest`, which then goes on over the
 * rest of the log — or, when the log was hashed early on a second thread (log-hash.ts) through the same
 * prefix, checked against that thread's digest once the checkpoint is decoded (`digests`: the caller
 * then hashes only what follows). Null when there is no checkpoint or it does not match (the caller
 * reads from byte 0).
 */
function* checkpointed(
  workspace: string,
  io: IoPort,
  fd: ReadHandle,
  size: number,
  buf: Buffer,
  source: LineSource,
  digest: Hash,
  early: EarlyLog | undefined,
  carry: boolean,
): Generator<undefined, Through | null, undefined> {
  const opened = openCheckpointFile(registerDir(workspace), io);
  if (!opened) return null;
  // Closed once: here, or by the parts decoded from it (register/checkpoint-parts.ts), which may also be let go after
  // it was closed here (a checkpoint decoded, then refused by the early hash).
  let closed = false;
  const file: ReadHandle = {
    kind: opened.kind,
    size: opened.size,
    read: (buf, offset, length, position) => opened.read(buf, offset, length, position),
    close: () => {
      if (closed) return;
      closed = true;
      opened.close();
    },
  };
  // Closed here unless the decoder keeps it to read its parts when asked (register/checkpoint-parts.ts).
  let kept = false;
  try {
    const head = checkpointHead(file);
    const covers = head?.covers;
    if (!head || !covers || covers.bytes > size) return null;
    const byEarly = early !== undefined && early.prefix === covers.bytes;
    if (!byEarly) {
      let off = 0;
      while (off < covers.bytes) {
        const n = readAt(fd, buf, Math.min(PREFIX_CHUNK, covers.bytes - off), off);
        if (n === 0) return null;
        digest.update(buf.subarray(0, n));
        off += n;
        // The prefix ends with its last line's `\n`: checked on the last chunk, while it is in the buffer.
        if (off === covers.bytes && buf[n - 1] !== 0x0a) return null;
        yield;
      }
      if (digest.copy().digest('hex') !== covers.sha256) return null;
    }
    // The hash that goes on after the prefix: the whole log's (this thread's), or the rest's (the worker hashed the prefix).
    const rest = byEarly ? createHash('sha256') : digest;
    const since = carry ? createHash('sha256') : null;
    // A segment continuing this base (register/checkpoint-segment.ts): the two read as one checkpoint, when the log's
    // bytes after the base are those it was written after. Else the base alone, the hashes as they were.
    const seg = yield* segmentAfter(workspace, io, fd, size, buf, file, head, rest, since);
    let events: StoredEvent[] | null = null;
    let through: Covers = covers;
    if (seg) {
      events = decodeCheckpoint(seg.file, source);
      const virtual = events ? checkpointHead(seg.file) : null;
      if (events && virtual && virtual.covers.lines === seg.covers.lines && virtual.covers.bytes === seg.covers.bytes) {
        through = seg.covers;
        // Its parts read the base through it: closing it (when they are all read) closes the base.
        seg.file.adopt();
      } else {
        events = null;
        // The segment's file only (the base is read alone below); a second close, by parts decoded and let go, is none.
        seg.file.close();
      }
    }
    const used = events !== null && seg !== null;
    events ??= decodeCheckpoint(file, source);
    if (!events) return null;
    const base = { head, size: file.size };
    const hashes = used && seg ? { digest: seg.rest, since: seg.since } : { digest: rest, since };
    if (byEarly) {
      // Decoded while the worker may still be hashing; used only if the prefix is the one it was built from. Polled a
      // short wait at a time, yielding between: a writer's read (readLogPausing) lets a Ctrl-C in meanwhile, rather
      // than hold it until the worker ends (up to its stall limit, or a large log's whole hash).
      let digests: LogDigests | null = null;
      for (let d = early.poll(); ; d = early.poll()) {
        if (d !== undefined) {
          digests = d;
          break;
        }
        yield;
      }
      if (!digests?.prefixEndsLine || digests.prefix !== covers.sha256) return null;
      kept = true;
      return { events, covers: through, digests, ...hashes, base };
    }
    kept = true;
    return { events, covers: through, ...hashes, base };
  } finally {
    if (!kept) file.close();
  }
}

/** What a read through a checkpoint found: its events, how far they go, the hashes to go on with. */
interface Through {
  events: StoredEvent[];
  covers: Covers;
  digests?: LogDigests;
  /** The hash to go on with after `covers.bytes` (the whole log's, or the rest's after the base when the worker hashed). */
  digest: Hash;
  /** The SHA-256 of the bytes after the base so far (ReadOptions.carry), and the base file. */
  since: Hash | null;
  base: { head: CheckpointHead; size: number };
}

/** Reads up to `len` bytes at `pos` of the log into buf[0…]. */
function readAt(fd: ReadHandle, buf: Buffer, len: number, pos: number): number {
  try {
    return fd.read(buf, 0, len, pos);
  } catch (err) {
    throw new ToolError('REGISTER_UNREADABLE', { path: EVENTS_DISPLAY, problem: (err as NodeJS.ErrnoException).code ?? 'read' });
  }
}

/**
 * The segment continuing the base checkpoint `file` (its head `head`), when there is one for it and the log's bytes
 * from the base's end to the segment's hash to its key: the base and segment as one file, what they cover, and
 * `rest` and `since` (copies) gone on over those bytes. Null otherwise (`rest` and `since` untouched).
 */
function* segmentAfter(
  workspace: string,
  io: IoPort,
  fd: ReadHandle,
  size: number,
  buf: Buffer,
  file: ReadHandle,
  head: CheckpointHead,
  rest: Hash,
  since: Hash | null,
): Generator<undefined, { file: SegmentedFile; covers: Covers; rest: Hash; since: Hash | null } | null, undefined> {
  const segFile = openSegmentFile(registerDir(workspace), io);
  if (!segFile) return null;
  let ok = false;
  try {
    const read = segmentHead(segFile);
    if (!read || read.head.covers.bytes > size || read.head.base.covers.bytes !== head.covers.bytes) return null;
    const joined = segmented(file, head, segFile, read);
    if (!joined) return null;
    const key = createHash('sha256');
    const restOn = rest.copy();
    const sinceOn = since?.copy() ?? null;
    const end = read.head.covers.bytes;
    for (let off = head.covers.bytes; off < end; ) {
      const n = readAt(fd, buf, Math.min(PREFIX_CHUNK, end - off), off);
      if (n === 0) return null;
      const chunk = buf.subarray(0, n);
      key.update(chunk);
      restOn.update(chunk);
      sinceOn?.update(chunk);
      off += n;
      if (off === end && buf[n - 1] !== 0x0a) return null;
      yield;
    }
    if (key.digest('hex') !== read.head.since) return null;
    ok = true;
    // The segment's file is the joined file's to close from here.
    return { file: joined, covers: read.head.covers, rest: restOn, since: sinceOn };
  } finally {
    if (!ok) segFile.close();
  }
}

/** The log read a line at a time: yields after each line (readLog runs it through, readLogPausing pauses). */
function* scanLog(
  workspace: string,
  options: ReadOptions,
  spill?: SpillFile,
): Generator<undefined, LogRead & { via?: ReadVia }, undefined> {
  const path = eventsPath(workspace);
  const io = options.io ?? nodePort;
  // The log opened and hashed beside start-up (log-hash.ts), when it is this one and unchanged since.
  const early = io === nodePort && options.checkpoint !== false ? takeEarlyLog(path) : undefined;
  let fd: ReadHandle;
  try {
    fd = early ? early.handle : io.openRead(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { exists: false, size: 0, result: { ok: true, events: [], head: null }, tornAt: null, unterminated: false };
    throw new ToolError('REGISTER_UNREADABLE', { path: EVENTS_DISPLAY, problem: code ?? 'unreadable' });
  }
  try {
    if (fd.kind !== 'file') throw new ToolError('REGISTER_UNREADABLE', { path: EVENTS_DISPLAY, problem: 'not a file' });
    const source = new LogLines(path, io);
    const reader = new ChainReader(source);
    const scan = new LogScanner(reader);
    // A buffer what is left to parse (room to see its end; at least 64 KiB) up to CHUNK: 16 MiB taken for every
    // read of a small log made each command pay the garbage collector for memory it never used. The prefix a
    // checkpoint covers is only hashed, PREFIX_CHUNK at a time: the buffer is sized again once it is known
    // (a city's current checkpoint leaves a tail of a few KB, and 16 MiB were taken for it).
    const sized = (rest: number): Buffer => Buffer.allocUnsafe(Math.min(CHUNK, Math.max(rest + 1, 64 << 10)));
    let filled = 0; // bytes in buf
    let base = 0; // the file offset of buf[0]
    // Every byte read is hashed once, in order: the key of the checkpoint this read may write.
    // A log too large for a checkpoint is neither read through one nor hashed for one.
    let digest: Hash | null = fd.size <= (options.checkpointMaxBytes ?? CHECKPOINT_MAX_LOG_BYTES) ? createHash('sha256') : null;
    let fromCheckpoint = 0;
    // The early thread's digests, when the checkpoint was checked by them: `digest` then hashes the rest only.
    let earlyDigests: LogDigests | undefined;
    const throughCheckpoint = digest !== null && options.checkpoint !== false;
    // A read from the first line takes its buffer once it knows it reads in this thread (log-check.ts has its own).
    let buf = throughCheckpoint ? sized(Math.min(fd.size, PREFIX_CHUNK)) : Buffer.alloc(0);
    // The SHA-256 of the bytes after the base checkpoint, and that base: what publish continues the checkpoint with.
    let since: Hash | null = null;
    let carried: Carry['base'] | null = null;
    if (throughCheckpoint && digest) {
      const prefix = yield* checkpointed(workspace, io, fd, fd.size, buf, source, digest, early, options.carry === true);
      if (prefix) {
        reader.resume(prefix.events, prefix.covers.lines);
        scan.resume(prefix.covers.lines);
        base = prefix.covers.bytes;
        fromCheckpoint = prefix.events.length;
        if (prefix.digests) earlyDigests = prefix.digests;
        digest = prefix.digest;
        since = prefix.since;
        carried = prefix.base;
      } else digest = createHash('sha256');
      if (buf.length < Math.min(CHUNK, fd.size - base + 1)) buf = sized(fd.size - base);
    }
    const start0 = base;
    // Read from the first line for the chain only: the checkpoint is built as the lines come, their records dropped.
    // So is any read with no usable checkpoint of a large log (SINK_BYTES): it is then read through the one written.
    const sinking = options.chainOnly || (options.checkpoint !== false && fd.size >= (options.sinkBytes ?? SINK_BYTES));
    const built = sinking && digest && fromCheckpoint === 0 ? new CheckpointBuilder(spill ? { spill } : {}) : undefined;
    // Each event goes into it as it is read, its records one at a time, and is kept without them (chain.ts EventSink).
    if (built) reader.sink = built;
    // With the early digests, the rest this thread read must be the rest that thread hashed: then its whole digest
    // is of exactly the bytes read here through the checkpoint (log-hash.ts).
    const sha256 = (): string | null => {
      const own = (digest as Hash).digest('hex');
      if (!earlyDigests) return own;
      return own === earlyDigests.rest ? earlyDigests.whole : null;
    };
    const via = (): ReadVia => ({
      fromCheckpoint,
      tailBytes: base + filled - start0,
      tailEvents: reader.events.length - fromCheckpoint,
      sha256: sha256(),
      onlyOurs: reader.writtenByUsOnly,
      ...(built ? { built } : {}),
    });
    // A large log read from its first line for a checkpoint: read and checked on a second thread (log-check.ts).
    const check =
      built && digest && base === 0 && io === nodePort && fd.size >= (options.logThreadBytes ?? LOG_CHECK_MIN_BYTES)
        ? (options.logThread ?? wantLogCheck())
          ? LogCheck.start(path, options.logThreadSlab)
          : null
        : null;
    if (check) {
      const viaOf = (bytes: number, sha: string): ReadVia => ({ ...via(), tailBytes: bytes, sha256: sha });
      try {
        return yield* checkedRead(check, scan, viaOf);
      } finally {
        check.stop();
      }
    }
    if (buf.length === 0) buf = sized(fd.size);
    for (;;) {
      if (filled === buf.length) {
        // Half as large again, not twice: a province's 17 MB line fits 24 MiB, where 32 were taken (and the 16 before
        // them are garbage until a collection), a tenth of register verify's peak.
        const bigger = Buffer.allocUnsafe(buf.length + (buf.length >> 1));
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      let n: number;
      try {
        n = fd.read(buf, filled, buf.length - filled, base + filled);
      } catch (err) {
        throw new ToolError('REGISTER_UNREADABLE', { path: EVENTS_DISPLAY, problem: (err as NodeJS.ErrnoException).code ?? 'read' });
      }
      if (n === 0) break;
      digest?.update(buf.subarray(filled, filled + n));
      since?.update(buf.subarray(filled, filled + n));
      filled += n;
      let start = 0;
      // Searched in the bytes read only: the buffer is 16 MB, and a search for the last line's end ran
      // on through the unused rest of it on every read of a small log.
      const read = buf.subarray(0, filled);
      for (;;) {
        const nl = read.indexOf(0x0a, start);
        if (nl < 0) break;
        if (!scan.line(buf, start, nl, base + start)) return { exists: true, size: base + filled, ...scan.finish() };
        start = nl + 1;
        yield;
      }
      if (start > 0) {
        buf.copy(buf, 0, start, filled);
        base += start;
        filled -= start;
      }
    }
    if (filled > 0) scan.tail(buf, 0, filled, base);
    return {
      exists: true,
      size: base + filled,
      ...scan.finish(),
      ...(earlyDigests ? { hashedEarly: true as const } : {}),
      ...(digest ? { via: via() } : {}),
      ...(since && carried ? { carry: { since, base: carried, through: start0 } } : {}),
    };
  } finally {
    fd.close();
  }
}

/**
 * scanLog's lines as the second thread read them (log-check.ts), each checked against its hash and canonical flag as
 * that thread found them in the same bytes; each buffer given back once its lines are parsed.
 */
function* checkedRead(
  check: LogCheck,
  scan: LogScanner,
  via: (bytes: number, sha256: string) => ReadVia,
): Generator<undefined, LogRead & { via?: ReadVia }, undefined> {
  for (;;) {
    const batch = check.next();
    const buf = Buffer.from(batch.buf);
    const { lines, hashes } = batch;
    for (let i = 0; i < lines.length; i += 3) {
      const start = lines[i] as number;
      const flags = lines[i + 2] as number;
      const hash = hashes[i / 3] as string;
      const checked = flags & CHECKED ? { hash: hash === '' ? undefined : hash, canonical: (flags & CANONICAL) !== 0 } : undefined;
      if (!scan.line(buf, start, lines[i + 1] as number, batch.pos + start, checked))
        return { exists: true, size: batch.read, ...scan.finish() };
      yield;
    }
    if (batch.end) {
      if (batch.end.tail > 0) scan.tail(buf, 0, batch.end.tail, batch.pos);
      return { exists: true, size: batch.end.size, ...scan.finish(), via: via(batch.end.size, batch.end.sha256) };
    }
    check.giveBack(batch);
  }
}

/**
 * The torn-tail rule over lines as they come: a last line without `\n`, or trailing lines of NUL
 * bytes only, is torn (register/chain.ts); NUL lines with a real line after them are not a torn tail
 * but simply bad (the first of them). A last line without `\n` that is a whole event continuing the
 * chain is not torn but kept (another tool that does not end its last line; `unterminated`). A line's
 * `\r` before its `\n` and a UTF-8 BOM at the start of the log are the reader's (ChainReader).
 */
class LogScanner {
  private lineNo = 0;
  private nulFrom = -1; // the offset of a run of NUL-only lines, torn if nothing else follows
  private nulLine = 0;
  private nulLength = 0;
  private stopped = false;
  private unterminated = false;
  // A run of blank lines (nothing but spaces, tabs or CR) after the last event: a stray line an editor added,
  // which repair may cut if nothing follows it (decisions.md "A blank last line"); with a line after it, it is bad.
  private blankFrom = -1;
  private blankLine = 0;
  private blankText = '';

  constructor(private readonly reader: ChainReader) {}

  /** A line after a run of blank lines: the first blank line is bad for what it is (not JSON), and reading stops. */
  private blankThenMore(): false {
    this.reader.push(this.blankText);
    this.stopped = true;
    return false;
  }

  /**
   * Where line 1's content begins: after a UTF-8 BOM (an editor's, another tool's), which is no part of any line —
   * ChainReader skips it before hashing —, so a BOM before blank bytes is a blank line (decisions.md "A UTF-8 BOM
   * at the start of the log").
   */
  private afterBom(buf: Buffer, start: number, end: number): number {
    const bom = this.lineNo <= 1 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf;
    return bom ? start + 3 : start;
  }

  /** Continues after the `lines` lines of a checkpoint's prefix (all whole lines of our writer's). */
  resume(lines: number): void {
    this.lineNo = lines;
  }

  /** A complete line buf[start, end) at offset `pos` of the log; false once the chain is broken. */
  line(buf: Buffer, start: number, end: number, pos: number, checked?: LineChecked): boolean {
    this.lineNo++;
    if (this.nulFrom < 0 && isBlank(buf, this.afterBom(buf, start, end), end)) {
      if (this.blankFrom < 0) {
        this.blankFrom = pos;
        this.blankLine = this.lineNo;
        this.blankText = buf.toString('latin1', start, end);
      }
      return true;
    }
    if (this.blankFrom >= 0) return this.blankThenMore();
    if (end > start && isAllNul(buf, start, end)) {
      if (this.nulFrom < 0) {
        this.nulFrom = pos;
        this.nulLine = this.lineNo;
        this.nulLength = end - start;
      }
      return true;
    }
    if (this.nulFrom >= 0) {
      this.reader.push('\0'.repeat(this.nulLength));
      this.stopped = true;
      return false;
    }
    if (!this.reader.pushBytes(buf, start, end, pos, checked)) {
      this.stopped = true;
      return false;
    }
    return true;
  }

  /** The last line buf[start, end), left without its `\n`, at offset `pos` of the log. */
  tail(buf: Buffer, start: number, end: number, pos: number): void {
    // A log that is a UTF-8 BOM and nothing else (an empty file saved by Notepad) holds no line: an empty log.
    if (this.lineNo === 0 && this.afterBom(buf, start, end) === end && end - start === 3) return;
    this.lineNo++;
    if (this.nulFrom < 0 && isBlank(buf, this.afterBom(buf, start, end), end)) {
      if (this.blankFrom < 0) {
        this.blankFrom = pos;
        this.blankLine = this.lineNo;
      }
      return;
    }
    if (this.blankFrom >= 0) {
      this.blankThenMore();
      return;
    }
    if (this.nulFrom < 0) {
      if (!isAllNul(buf, start, end) && this.reader.pushLastBytes(buf, start, end, pos)) {
        this.unterminated = true;
        return;
      }
      // Torn only when an append of ours could have left it (chain.ts tornPrefix): an edited last event,
      // events joined by CR or U+2028, is a break for what it is, and repair never cuts it.
      if (!tornPrefix(buf, start, end, this.reader.foreign)) {
        this.reader.pushBytes(buf, start, end, pos);
        this.stopped = true;
        return;
      }
      this.nulFrom = pos;
      this.nulLine = this.lineNo;
    }
  }

  finish(): { result: ChainResult; tornAt: number | null; unterminated: boolean } {
    if (!this.stopped && this.blankFrom >= 0)
      return {
        result: this.reader.end({ line: this.blankLine, offset: this.blankFrom }, 'blank'),
        tornAt: this.blankFrom,
        unterminated: false,
      };
    if (!this.stopped && this.nulFrom >= 0)
      return { result: this.reader.end({ line: this.nulLine, offset: this.nulFrom }), tornAt: this.nulFrom, unterminated: false };
    return { result: this.reader.end(), tornAt: null, unterminated: this.unterminated };
  }
}

/** Verifies a log held in memory, line by line, as readLog does the file (for tests and small logs). */
export function verifyBytes(bytes: Buffer): { result: ChainResult; tornAt: number | null; unterminated: boolean } {
  const scan = new LogScanner(new ChainReader());
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) break;
    if (!scan.line(bytes, start, nl, start)) return scan.finish();
    start = nl + 1;
  }
  if (start < bytes.length) scan.tail(bytes, start, bytes.length, start);
  return scan.finish();
}

/** A line of nothing but spaces, tabs and CR (or nothing): what an editor leaves after the last line. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

function isAllNul(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

/**
 * The whole records (stored.ts), each line read back once and checked against the hash it had when
 * verified: a line changed since is REGISTER_CORRUPT.
 */
export function wholeRecords(records: readonly StoredRecord[]): CreditRecord[] {
  try {
    return fullRecords(records, parseLineAgain);
  } catch (err) {
    if (err instanceof LineChangedError) throw new ToolError('REGISTER_CORRUPT', { path: EVENTS_DISPLAY, line: err.line, reason: 'hash' });
    if (err instanceof SyntaxError) throw new ToolError('REGISTER_CORRUPT', { path: EVENTS_DISPLAY, line: 0, reason: 'json' });
    throw err;
  }
}

/** One whole record (register show, a letter). */
export function wholeRecord(record: StoredRecord): CreditRecord {
  return wholeRecords([record])[0] as CreditRecord;
}

function corrupt(result: ChainResult): ToolError {
  const broken = result.ok ? { line: 0, reason: 'hash' } : result.broken;
  return new ToolError('REGISTER_CORRUPT', { path: EVENTS_DISPLAY, line: broken.line, reason: broken.reason });
}

export interface Loaded {
  events: StoredEvent[];
  state: RegisterState;
  head: Head | null;
  exists: boolean;
}

/** The register's events and state for a reader; a broken log is REGISTER_CORRUPT (exit 2). */
export function loadRegister(workspace: string, io: IoPort = nodePort): Loaded {
  const read = readLog(workspace, { io });
  if (!read.result.ok) throw corrupt(read.result);
  return { events: read.result.events, state: replay(read.result.events), head: read.result.head, exists: read.exists };
}

/** loadRegister, pausing now and then (io/interrupt.ts): compile and the register's writers see a Ctrl-C within a second. */
export async function loadRegisterPausing(workspace: string, io: IoPort = nodePort): Promise<Loaded> {
  const read = await readLogPausing(workspace, pausePoint('reading-register'), io);
  if (!read.result.ok) throw corrupt(read.result);
  return { events: read.result.events, state: await replayPausing(read.result.events), head: read.result.head, exists: read.exists };
}

async function replayPausing(events: readonly StoredEvent[]): Promise<RegisterState> {
  const pause = pausePoint();
  // The prefix a checkpoint gave is not folded record by record (register/lazy-state.ts): only what follows it.
  const { state, next } = replayStart(events);
  for (let i = next; i < events.length; i++) {
    continueReplay(state, [events[i] as StoredEvent]);
    await pause();
  }
  return state;
}

export interface AppendOptions {
  lock?: LockOptions;
  /** How many bytes after the checkpoint make an append continue it with a segment (EXTEND_BYTES; tests make it 0). */
  extendBytes?: number;
  /** The largest segment written, in bytes (segmentLimit; tests make it small). */
  segmentLimit?: number;
  /** The smallest base checkpoint an append continues with a segment (SEGMENT_FROM_BYTES; tests make it 0). */
  segmentFrom?: number;
  /** The file system (io/port.ts); Node's by default. */
  io?: IoPort;
}

export type Decision<T> = { body: EventBody; value: T } | { body: null; value: T };

/**
 * Appends one event under the lock. `decide` sees the log as it is once the lock is held and returns
 * the event to write (or none, with its answer): a second publisher that waited finds the batch
 * already published. The line is written with one write call and fsynced before the lock goes.
 */
export async function appendEvent<T>(
  workspace: string,
  author: Author,
  decide: (loaded: Loaded) => Decision<T>,
  options: AppendOptions = {},
): Promise<{ event: RegisterEvent | null; value: T }> {
  const dir = registerDir(workspace);
  const io = options.io ?? nodePort;
  try {
    io.mkdir(dir);
  } catch (err) {
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'mkdir', path: REGISTER_DIR });
  }
  const lock: RegisterLock = await acquireRegisterLock(dir, options.lock, io);
  try {
    await registerFault('locked');
    // Read pausing now and then: until the line is written, Ctrl-C stops the command (io/interrupt.ts).
    const read = await readLogPausing(workspace, pausePoint('reading-register'), io, { carry: true });
    if (!read.result.ok) throw corrupt(read.result);
    const loaded: Loaded = {
      events: read.result.events,
      state: await replayPausing(read.result.events),
      head: read.result.head,
      exists: read.exists,
    };
    const decision = decide(loaded);
    if (decision.body === null) return { event: null, value: decision.value };
    const { event, line } = sealLine(decision.body, author, loaded.head);
    // The last moment an interrupt leaves the log as it was; once the line is written the command finishes.
    await beforeCommit();
    // A share that stalled past 30 s may have let another PC take the lock: then write nothing.
    lock.assertHeld();
    // Another tool may have left its last line without `\n`: it is written first, in the same write.
    const bytes = Buffer.from(`${read.unterminated ? '\n' : ''}${line}`, 'utf8');
    writeLine(io, eventsPath(workspace), bytes);
    enterCommit({ kind: 'event', seq: event.seq });
    // The first event creates the file: its folder entry must survive a power cut too.
    if (!loaded.exists) io.syncFolder(dir);
    // Still under the lock, the log as this command left it: the checkpoint continued with what the next reader would parse.
    if (read.carry && !read.unterminated && read.carry.base.size >= (options.segmentFrom ?? SEGMENT_FROM_BYTES)) {
      const after = read.size + bytes.length - read.carry.through;
      if (after >= (options.extendBytes ?? EXTEND_BYTES) || loaded.events.length + 1 - prefixLength(loaded.events) >= EXTEND_EVENTS)
        keepSegment(workspace, io, read, read.carry, loaded.events, event, bytes, options.segmentLimit);
    }
    await afterCommit();
    return { event, value: decision.value };
  } finally {
    lock.release();
  }
}

/**
 * The largest segment kept: half its base file, or 1 MiB for a small one. Past it no segment is written, and the next
 * read that parses the events after the base writes one whole checkpoint (the compaction). A province's first
 * segment is ~22 MB beside a ~182 MB base, and each later batch adds its own rows (~5 MB); a city's ~2 MB beside 18.
 */
export function segmentLimit(baseBytes: number): number {
  return Math.max(Math.floor(baseBytes / 2), 1 << 20);
}

/**
 * Continues the checkpoint the read went through with the events after it and the one just appended, as a segment
 * (register/checkpoint-segment.ts): the new records encoded, the id index, touch table and `gone` merged, nothing of
 * the base copied; its key the SHA-256 of the log's bytes after the base, carried on over the line written (the log
 * is not read again). A cache: any failure is forgotten (the next reader parses the line and extends the checkpoint).
 * Written when a reader would extend the checkpoint (EXTEND_BYTES, EXTEND_EVENTS after it): a note or an objection
 * alone is parsed by each reader instead.
 */
function keepSegment(
  workspace: string,
  io: IoPort,
  read: LogRead,
  carry: Carry,
  events: readonly StoredEvent[],
  event: RegisterEvent,
  bytes: Buffer,
  limit: number | undefined,
): void {
  try {
    const prefix = prefixOf(events);
    if (!prefix) return;
    const origin = { kind: 'line' as const, source: new LogLines(eventsPath(workspace), io), pos: read.size, len: bytes.length - 1 };
    const stored = writtenEvent(event, { ...origin, line: events.length + 1, hash: event.hash }, bytes);
    const tail = [...events.slice(prefix.events.length), stored];
    const covers = { seq: event.seq, hash: event.hash, bytes: read.size + bytes.length, lines: events.length + 1, sha256: '' };
    const since = carry.since.copy().update(bytes).digest('hex');
    const seg = segmentOf(prefix, tail, covers, since, carry.base, limit ?? segmentLimit(carry.base.size));
    if (seg) writeCheckpointFile(registerDir(workspace), seg, io, undefined, SEGMENT_FILE);
  } catch {
    // A cache: nothing fails for want of it.
  }
}

/**
 * A checkpoint smaller than this is not continued by a segment: the next reader extends it, as before. At a city's
 * size (an 18 MB checkpoint) the segment cost publish as much as it spared the next command (~0.1 s of CPU, most of
 * it code run once, cold); at a province's (~180 MB) publish pays ~0.2 s and the next command is spared ~0.45 s.
 */
const SEGMENT_FROM_BYTES = 64 << 20;

/** How many events the checkpoint the read went through gave. */
function prefixLength(events: readonly StoredEvent[]): number {
  return prefixOf(events)?.events.length ?? events.length;
}

/**
 * Copies the log before a repair; on a full disk (no room for a second copy of a large log) the
 * partial copy is removed and the reason returned, so that the repair can still cut the torn line.
 */
function copyLog(io: IoPort, from: string, to: string): string | undefined {
  try {
    beforeAccess(to);
    io.copyFileDurable(from, to);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'copy';
    io.remove(to);
    if (NO_ROOM.has(code)) return code;
    throw new ToolError('WRITE_FAILED', { problem: code, path: `${REGISTER_DIR}/${to.slice(to.lastIndexOf(EVENTS_FILE))}` });
  }
}

/**
 * Appends `line` with one write and fsyncs it. A write that fails part-way (a full disk, a share gone)
 * is cut back to the length the log had, so it never leaves a torn line that every later command
 * would refuse until a repair.
 */
function writeLine(io: IoPort, path: string, line: Buffer): void {
  let fd: AppendHandle;
  try {
    fd = io.openAppend(path, { create: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENXIO: a FIFO without a reader (opened non-blocking).
    throw new ToolError('WRITE_FAILED', { problem: code === 'ENXIO' ? 'not a file' : (code ?? 'open'), path: EVENTS_DISPLAY });
  }
  let before = -1;
  try {
    if (fd.kind !== 'file') throw Object.assign(new Error('not a file'), { code: 'not a file' });
    before = fd.size;
    registerFault('write', fd, line);
    let done = fd.write(line);
    // A regular file takes the whole buffer in one call; should a share not, the rest follows at once.
    while (done < line.length) done += fd.write(line, done);
    fd.sync();
  } catch (err) {
    if (before >= 0) cutBack(fd, before);
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'write', path: EVENTS_DISPLAY });
  } finally {
    fd.close();
  }
}

/** Truncates to `size` what a failed append wrote; a cut that fails too leaves a torn tail for repair. */
function cutBack(fd: AppendHandle, size: number): void {
  try {
    fd.truncate(size);
    fd.sync();
  } catch {
    // The log then ends in a torn line: every reader sees it, and register repair cuts it.
  }
}

/** `backup` '' with `problem`: the disk had no room for a copy, and the torn line was cut without one. */
export type RepairOutcome =
  | { action: 'intact'; head: Head | null }
  | { action: 'cut'; reason: 'torn' | 'blank'; line: number; bytes: number; backup: string; problem?: string; head: Head };

/** A copy that failed for want of room: the repair goes on without it (what it cuts is only a torn append). */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * Cuts a torn last line, after copying the log to register/events.jsonl.bak-<stamp>. Anything else
 * (a bad line before the end, a chain that does not hold once the tail is cut) is refused: only the
 * clerk, with the copy kept elsewhere, can decide what the history was. The cut is then recorded as a
 * `repair` event (who, when, where the copy is), so the history says a repair happened.
 */
export async function repairRegister(
  workspace: string,
  stamp: string,
  author: Author,
  options: AppendOptions = {},
): Promise<RepairOutcome> {
  const path = eventsPath(workspace);
  const io = options.io ?? nodePort;
  if (!io.exists(path)) throw new ToolError('PATH_NOT_FOUND', { path: EVENTS_DISPLAY });
  const lock = await acquireRegisterLock(registerDir(workspace), options.lock, io);
  try {
    const read = readLog(workspace, { io });
    // A whole last event without its `\n` is not torn: repair never cuts it (the next append ends it).
    if (read.result.ok) return { action: 'intact', head: read.result.head };
    const reason = read.result.broken.reason;
    if ((reason !== 'torn' && reason !== 'blank') || read.tornAt === null) throw corrupt(read.result);
    // The log is opened for writing before anything is copied: a read-only events.jsonl (its permissions, or
    // Windows' read-only attribute, which the copy would inherit) is refused naming it, nothing copied, nothing cut.
    let fd2: AppendHandle;
    try {
      beforeAccess(path);
      fd2 = io.openAppend(path);
    } catch (err) {
      throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'open', path: EVENTS_DISPLAY });
    }
    let open = true;
    try {
      let backup = `${EVENTS_FILE}.bak-${stamp}`;
      for (let i = 2; io.exists(join(registerDir(workspace), backup)); i++) backup = `${EVENTS_FILE}.bak-${stamp}-${i}`;
      const problem = copyLog(io, path, join(registerDir(workspace), backup));
      lock.assertHeld();
      try {
        fd2.truncate(read.tornAt);
        fd2.sync();
      } catch (err) {
        throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'truncate', path: EVENTS_DISPLAY });
      }
      open = false;
      fd2.close();
      const cut = { line: read.result.broken.line, bytes: read.size - read.tornAt, backup: problem ? '' : `${REGISTER_DIR}/${backup}` };
      const event = sealEvent({ type: 'repair', ...cut }, author, read.result.head);
      writeLine(io, path, Buffer.from(eventLine(event), 'utf8'));
      return { action: 'cut', reason, ...cut, ...(problem ? { problem } : {}), head: { seq: event.seq, hash: event.hash } };
    } finally {
      if (open) fd2.close();
    }
  } finally {
    lock.release();
  }
}
