import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 in front of one server (an emulator, the shared Redis), so a test can
 * take that server away from the gateway without touching it: `cut` closes the proxy's port
 * (connections are then refused) and destroys every connection through it; `restore` listens on
 * the same port again. Other users of the real server never notice.
 */
export interface TcpProxy {
  readonly port: number;
  /** Connections made through the proxy since it started. */
  readonly connections: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const serve = () =>
    createServer((client) => {
      connections++;
      const upstream = connect(target.port, target.host);
      sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
      client.pipe(upstream).pipe(client);
    });
  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  let server: Server | undefined = serve();
  const port = await listen(server, 0);
  const cut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    port,
    get connections() {
      return connections;
    },
    cut,
    async restore() {
      if (server) return;
      server = serve();
      await listen(server, port);
    },
    close: cut,
  };
}

/** Host and port of an http(s) or redis URL. */
export function hostAndPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  const defaultPort = { "https:": "443", "redis:": "6379", "rediss:": "6379" }[parsed.protocol];
  const port = parsed.port || defaultPort || "80";
  return { host: parsed.hostname, port: Number(port) };
}
