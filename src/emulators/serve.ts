import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1; port 0 picks a free port (what tests use). */
export function listen(app: Hono, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const onError = (error: Error) => reject(error);
    server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server?.off("error", onError);
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive clients would otherwise hold close() open until they time out.
            if (server && "closeAllConnections" in server) server.closeAllConnections();
            server?.close(() => done());
          }),
      });
    });
    server.once("error", onError);
  });
}
