import { connect } from "node:net";

/** A response read off a socket as it came: status, head, and the body (de-chunked). */
export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends `bytes` as they are to the server at `url` (127.0.0.1) and reads until it closes: for
 * requests no HTTP client would send (a Host that does not parse, a target of `*`, garbage).
 */
export async function rawHttp(url: string, bytes: string): Promise<RawResponse> {
  const socket = connect(Number(new URL(url).port), "127.0.0.1");
  socket.write(bytes);
  let text = "";
  for await (const chunk of socket) text += String(chunk);
  const split = text.indexOf("\r\n\r\n");
  const head = split === -1 ? text : text.slice(0, split);
  const rest = split === -1 ? "" : text.slice(split + 4);
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
    head,
    body: /^transfer-encoding: chunked/im.test(head) ? dechunk(rest) : rest,
  };
}

function dechunk(text: string): string {
  let body = "";
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf("\r\n", at);
    if (end === -1) break;
    const size = Number.parseInt(text.slice(at, end), 16);
    if (!(size > 0)) break;
    body += text.slice(end + 2, end + 2 + size);
    at = end + 2 + size + 2;
  }
  return body;
}
