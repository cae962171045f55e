// Politeness shared by every worker: at most one request to a host per interval, whichever
// worker makes it. Each host has a Redis key holding the next free moment; a worker reserves the
// first free turn atomically (a Lua script reading Redis's own clock, so that the workers'
// clocks do not matter) and waits for it. A turn further away than `maxWaitMs` is not reserved:
// the job is put off instead (HostBusy), so that a busy host never holds a worker's slot.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from './work-queue.ts';

/** One request per host per second, across all workers. */
export const DEFAULT_HOST_INTERVAL_MS = 1000;
/** Longest a worker waits for a host's turn; beyond it the job is put off. */
export const DEFAULT_MAX_WAIT_MS = 5000;

// KEYS[1] the host's key; ARGV[1] interval ms; ARGV[2] longest wait ms.
// Returns { reserved (1|0), wait ms }.
const RESERVE = `
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(t, free)
local interval = tonumber(ARGV[1])
if at - t > tonumber(ARGV[2]) then return {0, at - t} end
redis.call('SET', KEYS[1], at + interval, 'PX', at - t + interval + 1000)
return {1, at - t}
`;

/** A host's turn is further away than a worker waits: the job is to be tried again after `waitMs`. */
export class HostBusy extends Error {
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`${host} is busy for another ${waitMs} ms`);
    this.name = 'HostBusy';
  }
}

export interface HostPaceOptions {
  intervalMs?: number;
  maxWaitMs?: number;
}

/** A `pace` for the Fetcher: waits for the host's turn, or throws HostBusy. */
export function hostPace(redis: Redis, options: HostPaceOptions = {}): (host: string) => Promise<void> {
  const interval = options.intervalMs ?? DEFAULT_HOST_INTERVAL_MS;
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  return async (host: string): Promise<void> => {
    if (interval <= 0) return;
    const [reserved, wait] = (await redis.eval(RESERVE, 1, `${QUEUE_PREFIX}:host:${host.toLowerCase()}`, interval, maxWait)) as [number, number];
    if (!reserved) throw new HostBusy(host, wait);
    if (wait > 0) await sleep(wait);
  };
}
