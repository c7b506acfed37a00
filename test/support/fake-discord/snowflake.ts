/** Snowflake ids and tokens in Discord's formats. */
import { randomBytes } from 'node:crypto';
import type { Snowflake } from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/**
 * A realistic snowflake string for the given time (default: now). Objects created
 * "now" get 19 digits; backdated ones (e.g. 2017–2020 user accounts) get 18.
 */
export function snowflake(at: number | Date = Date.now()): Snowflake {
  const ms = BigInt(typeof at === 'number' ? Math.floor(at) : at.getTime());
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  const workerId = 1n;
  const processId = 0n;
  return (((ms - DISCORD_EPOCH) << 22n) | (workerId << 17n) | (processId << 12n) | snowflakeIncrement).toString();
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function permissionString(...flags: bigint[]): string {
  return flags.reduce((acc, flag) => acc | flag, 0n).toString();
}
