import { Redis } from "ioredis";

/** `url` (a redis:// URL) with its host and port replaced by a local port, e.g. a TcpProxy's. */
export function redisUrlVia(url: string, port: number): string {
  const via = new URL(url);
  via.hostname = "127.0.0.1";
  via.port = String(port);
  return via.toString();
}

/** Deletes a test's keys from the shared Redis, and nothing else. */
export async function deleteNamespace(url: string, namespace: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
